using System.Text;
using BigData.Storage.Inputs;

namespace WarcUriCount.Streaming.Tests.Support;

/// <summary>An input file held in memory.</summary>
internal sealed class MemoryInputFile(string location, byte[] bytes) : IInputFile
{
    public MemoryInputFile(string location, string text)
        : this(location, Encoding.UTF8.GetBytes(text))
    {
    }

    public string Location { get; } = location;

    public long? Length => bytes.Length;

    public Stream OpenRead() => new MemoryStream(bytes, writable: false);
}
