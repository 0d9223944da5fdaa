using Slipway.Results.Tests.Fixtures;

namespace Slipway.Results.Tests.Extraction;

/// <summary>Screenshots handed back through the log (format png-base64): read as files, their names checked.</summary>
public sealed class TaskAttachmentTests
{
    // The PNG signature and an IHDR chunk's start: enough for the reader, which checks the signature only.
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, .. Enumerable.Range(0, 200).Select(i => (byte)i)];

    [Fact]
    public void A_screenshot_in_base64_lines_is_read_back_byte_for_byte_under_its_name()
    {
        var lines = Convert.ToBase64String(Png).Chunk(76).Select(chunk => new string(chunk)).ToArray();

        var results = new TaskLog()
            .Out("::slipway:: begin tool=browser format=png-base64 name=testLogin.png")
            .Out(lines)
            .End("browser")
            .Read();

        results.Problems.Should().BeEmpty();
        results.Attachments.Should().ContainSingle();
        results.Attachments[0].Name.Should().Be("testLogin.png");
        results.Attachments[0].Tool.Should().Be("browser");
        results.Attachments[0].Content.Should().Equal(Png);
        RunReport.Combine(results).Attachments.Single().RelativePath.Should().Be("screenshots/testLogin.png");
    }

    [Theory]
    [InlineData("name=../../etc/cron.d/x.png", "must be a plain file name")]
    [InlineData("name=.hidden.png", "must be a plain file name")]
    [InlineData("name=shot.php", "must be a plain file name")]
    [InlineData("", "must be a plain file name")]
    public void A_screenshot_whose_name_is_not_a_plain_png_file_name_is_refused(string name, string reason)
    {
        var results = new TaskLog()
            .Out($"::slipway:: begin tool=browser format=png-base64 {name}".TrimEnd())
            .Out(Convert.ToBase64String(Png))
            .End("browser")
            .Read();

        results.Attachments.Should().BeEmpty();
        results.Problems.Should().ContainSingle().Which.Message.Should().Contain(reason);
    }

    [Fact]
    public void Base64_that_is_not_a_png_is_refused()
    {
        var results = new TaskLog()
            .Out("::slipway:: begin tool=browser format=png-base64 name=shot.png")
            .Out(Convert.ToBase64String("<?php echo 1;"u8.ToArray()))
            .End("browser")
            .Read();

        results.Attachments.Should().BeEmpty();
        results.Problems.Should().ContainSingle().Which.Message.Should().Contain("shot.png is not a PNG image");
    }
}
