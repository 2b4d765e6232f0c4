namespace BigData.MapReduce.Aggregation;

/// <summary>
/// One sorted run on disk: distinct keys of a single partition in ascending byte order, one
/// <c>key&lt;TAB&gt;count&lt;LF&gt;</c> line each (the streaming text protocol).
/// </summary>
/// <param name="Partition">The partition all its keys belong to.</param>
/// <param name="Path">The file.</param>
/// <param name="Records">Number of lines.</param>
public sealed record RunFile(int Partition, string Path, long Records);
