using System.Buffers.Binary;
using System.Text;
using Slipway.Docker.Engine;
using Slipway.Platform;

namespace Slipway.Docker.Tests.Engine;

public sealed class LogStreamDecoderTests
{
    [Fact]
    public void Decode_MultiplexedFrames_TellsStdoutFromStderr()
    {
        var stream = Concat(Frame(1, "out one\n"), Frame(2, "err one\n"), Frame(1, "out two\n"));

        var lines = DecodeInChunks(stream, chunkSize: stream.Length);

        lines.Should().Equal(LogLine.Out("out one"), LogLine.Err("err one"), LogLine.Out("out two"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(9)]
    public void Decode_HeadersAndPayloadsSplitAcrossReads_GivesTheSameLines(int chunkSize)
    {
        var stream = Concat(Frame(1, "alpha\nbe"), Frame(2, "warning\n"), Frame(1, "ta\n"));

        var lines = DecodeInChunks(stream, chunkSize);

        lines.Should().Equal(LogLine.Out("alpha"), LogLine.Err("warning"), LogLine.Out("beta"));
    }

    [Fact]
    public void Decode_LineSpreadOverManyFrames_ComesOutWhole()
    {
        var longLine = new string('x', 40_000);
        var stream = Concat(Frame(1, longLine[..16_384]), Frame(1, longLine[16_384..32_768]), Frame(1, longLine[32_768..] + "\n"));

        var lines = DecodeInChunks(stream, chunkSize: 4096);

        lines.Should().ContainSingle().Which.Text.Should().Be(longLine);
    }

    [Fact]
    public void Decode_MultiByteCharacterSplitAcrossFrames_IsKept()
    {
        var bytes = Encoding.UTF8.GetBytes("café\n");
        var stream = Concat(Frame(1, bytes[..4]), Frame(1, bytes[4..]));

        DecodeInChunks(stream, chunkSize: 2).Should().Equal(LogLine.Out("café"));
    }

    [Fact]
    public void Complete_LastLineWithoutLineEnding_IsHandedOut()
    {
        var lines = DecodeInChunks(Concat(Frame(1, "done\n"), Frame(2, "no newline")), chunkSize: 5);

        lines.Should().Equal(LogLine.Out("done"), LogLine.Err("no newline"));
    }

    [Fact]
    public void Decode_RawTtyStream_IsAllStdoutWithCarriageReturnsDropped()
    {
        var decoder = new LogStreamDecoder(multiplexed: false);
        var lines = new List<LogLine>();

        decoder.Decode(Encoding.UTF8.GetBytes("one\r\ntw"), lines);
        decoder.Decode(Encoding.UTF8.GetBytes("o\r\n"), lines);
        decoder.Complete(lines);

        lines.Should().Equal(LogLine.Out("one"), LogLine.Out("two"));
    }

    private static List<LogLine> DecodeInChunks(byte[] stream, int chunkSize)
    {
        var decoder = new LogStreamDecoder(multiplexed: true);
        var lines = new List<LogLine>();
        foreach (var chunk in stream.Chunk(chunkSize))
        {
            decoder.Decode(chunk, lines);
        }

        decoder.Complete(lines);
        return lines;
    }

    private static byte[] Frame(byte streamType, string payload) => Frame(streamType, Encoding.UTF8.GetBytes(payload));

    private static byte[] Frame(byte streamType, byte[] payload)
    {
        var frame = new byte[8 + payload.Length];
        frame[0] = streamType;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(4), (uint)payload.Length);
        payload.CopyTo(frame, 8);
        return frame;
    }

    private static byte[] Concat(params byte[][] frames) => frames.SelectMany(frame => frame).ToArray();
}
