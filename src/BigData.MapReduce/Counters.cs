using System.Collections.Concurrent;

namespace BigData.MapReduce;

/// <summary>
/// Named 64-bit counters. One instance per task attempt is written by a single thread through <see cref="Counter"/>
/// handles (resolve a handle once, then increment it on the hot path); the runner merges attempts that succeeded
/// into the job's instance with <see cref="Add(Counters)"/>, which is thread-safe.
/// </summary>
public sealed class Counters
{
    private readonly ConcurrentDictionary<string, Counter> _byName = new(StringComparer.Ordinal);

    /// <summary>The handle for <paramref name="name"/>, created at zero on first use.</summary>
    public Counter this[string name] => _byName.GetOrAdd(name, static n => new Counter(n));

    /// <summary>Adds <paramref name="delta"/> to <paramref name="name"/>.</summary>
    public void Add(string name, long delta) => this[name].Add(delta);

    /// <summary>Adds every counter of <paramref name="other"/> into this instance (thread-safe).</summary>
    public void Add(Counters other)
    {
        foreach (var counter in other._byName.Values)
        {
            this[counter.Name].AddAtomic(counter.Value);
        }
    }

    /// <summary>The value of <paramref name="name"/>, or 0 when it was never touched.</summary>
    public long Get(string name) => _byName.TryGetValue(name, out var c) ? c.Value : 0;

    /// <summary>All counters, sorted by name (ordinal), including those at zero.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> Snapshot() =>
        _byName.Values
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => new KeyValuePair<string, long>(c.Name, c.Value))
            .ToList();
}

/// <summary>One counter. <see cref="Add"/> is for the single thread that owns a task's counters.</summary>
public sealed class Counter(string name)
{
    private long _value;

    /// <summary>The counter's name, for example <c>records.total</c>.</summary>
    public string Name { get; } = name;

    /// <summary>The current value.</summary>
    public long Value => Volatile.Read(ref _value);

    /// <summary>Adds without synchronisation (owner thread only).</summary>
    public void Add(long delta) => _value += delta;

    /// <summary>Adds one (owner thread only).</summary>
    public void Increment() => _value++;

    internal void AddAtomic(long delta) => Interlocked.Add(ref _value, delta);
}
