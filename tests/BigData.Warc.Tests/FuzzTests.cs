using BigData.Warc.Tests.Support;
using static BigData.Warc.Tests.Support.WarcBuilder;

namespace BigData.Warc.Tests;

/// <summary>Seeded random damage: the lenient reader never throws (except "not an archive") and always ends.</summary>
public class FuzzTests
{
    private static readonly byte[][] Splices =
    [
        Ascii("\r\n"),
        Ascii("\n"),
        Ascii("\r\n\r\n"),
        Ascii("WARC/1.0\r\n"),
        Ascii("\r\nWARC/1.0\r\n"),
        Ascii("Content-Length: 99999999\r\n"),
        Ascii("Content-Length: -1\r\n"),
        Ascii("\r\n\r\nWARC/0.18\nWARC-Type: response\n\n"),
        Ascii(" continued\r\n"),
        [0x1F, 0x8B, 0x08, 0x00],
    ];

    private static byte[] Mutate(byte[] input, Random random)
    {
        var bytes = new List<byte>(input);
        int mutations = random.Next(1, 6);
        for (int m = 0; m < mutations && bytes.Count > 0; m++)
        {
            int at = random.Next(bytes.Count);
            switch (random.Next(4))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes.InsertRange(at, random.Next(2) == 0 ? Splices[random.Next(Splices.Length)] : RandomBytes(random, random.Next(1, 20)));
                    break;
                case 2:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 200), bytes.Count - at));
                    break;
                default:
                    bytes[at] = (byte)random.Next(256);
                    break;
            }
        }

        return bytes.ToArray();
    }

    /// <summary>Runs with a time limit: the readers must terminate (a TimeoutException fails the test).</summary>
    private static Task Run(Action body) => Task.Run(body).WaitAsync(TimeSpan.FromSeconds(30));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public Task TryRead_RandomlyDamagedPlainArchive_NeverThrowsEndsAndIgnoresChunking(int seed) => Run(() =>
    {
        var (bytes, _) = BuildArchive(12, seed: seed * 101, maxBody: 400);
        var random = new Random(seed);
        for (int iteration = 0; iteration < 100; iteration++)
        {
            var damaged = Mutate(bytes, random);
            foreach (var options in new[]
            {
                WarcReaderOptions.Default,
                new WarcReaderOptions { BufferSize = 64 },
                new WarcReaderOptions { TrustContentLength = false },
                new WarcReaderOptions { MaxHeaderBytes = 200 },
            })
            {
                var direct = Read.Records(new MemoryStream(damaged), options);
                var chunked = Read.Records(new ChunkedStream(damaged, 1, 7, 3), options);

                Assert.Equal(direct.Records, chunked.Records);
                Assert.Equal(direct.Warnings, chunked.Warnings);
                Assert.True(direct.Records.Zip(direct.Records.Skip(1)).All(p => p.First.Offset < p.Second.Offset));
                Assert.All(direct.Warnings, w => Assert.InRange(w.Offset, 0, damaged.Length));
            }

            using (var reader = new WarcReader(new MemoryStream(damaged), "fuzz.warc"))
            {
                while (reader.TryRead(out _))
                {
                }

                Assert.Equal(damaged.Length, reader.Position);
            }

            var (lines, _) = Read.Lines(new ChunkedStream(damaged, 5), bufferSize: 64, maxLineLength: 100);
            Assert.True(lines.Count <= damaged.Length + 1);
        }
    });

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public Task TryRead_RandomlyDamagedGzip_OnlyNotAnArchiveEscapes(int seed) => Run(() =>
    {
        var (bytes, written) = BuildArchive(12, seed: seed, maxBody: 400);
        var perRecord = GzipPerRecord(bytes, written);
        var single = Gzip(bytes);
        var random = new Random(seed);
        for (int iteration = 0; iteration < 100; iteration++)
        {
            var input = (iteration % 3) switch
            {
                0 => Mutate(perRecord, random),
                1 => Mutate(single, random),
                _ => Gzip(Mutate(bytes, random)),
            };

            foreach (var options in new[] { WarcReaderOptions.Default, new WarcReaderOptions { TrustContentLength = false } })
            {
                try
                {
                    var (records, _) = Read.Archive(input, options);
                    Assert.True(records.Count <= written.Count + 10);
                }
                catch (NotAnArchiveException)
                {
                    // The damage hit the magic bytes or the first version line: a clear per-file failure.
                }
            }

            try
            {
                using var stream = ArchiveDecoder.Open(new MemoryStream(input), "fuzz.gz");
                Read.Lines(stream, bufferSize: 64);
            }
            catch (NotAnArchiveException)
            {
            }
        }
    });
}
