using Slipway.Results.Parsing;

namespace Slipway.Results.Tests.Extraction;

public sealed class StreamingParseTests
{
    private static (StreamingXmlDocumentParser Parser, DocumentResults Results) Checkstyle()
    {
        var results = new DocumentResults();
        var context = new ReportContext("phpcs", new AppPathMapper("/var/www/app"), results);
        return (new StreamingXmlDocumentParser(xml => CheckstyleReportReader.ReadAsync(xml, context), results), results);
    }

    [Fact]
    public void A_report_is_parsed_page_by_page_before_it_ends()
    {
        var (parser, results) = Checkstyle();
        parser.Write("<checkstyle>");
        parser.Write("<file name=\"/var/www/app/src/A.php\">");
        parser.Write("<error line=\"1\" severity=\"error\" message=\"first\" source=\"X\"/>");
        parser.EndOfPage();
        results.Findings.Select(finding => finding.Message).Should().Equal("first");

        parser.Write("<error line=\"2\" severity=\"error\" message=\"second\" source=\"X\"/>");
        parser.EndOfPage();
        results.Findings.Select(finding => finding.Message).Should().Equal("first", "second");

        parser.Write("</file>");
        parser.Write("</checkstyle>");
        parser.Finish().Findings.Select(finding => finding.Message).Should().Equal("first", "second");
    }

    [Fact]
    public void A_report_that_breaks_is_given_up_on_at_the_end_of_the_page_that_breaks_it()
    {
        var (parser, _) = Checkstyle();
        parser.Write("<checkstyle>");
        parser.Write("<file name=\"a\"><error line=\"1\" <<< broken");
        parser.EndOfPage();

        parser.HasFailed.Should().BeTrue();
        parser.Invoking(p => p.Finish()).Should().Throw<ReportFormatException>().WithMessage("*Line 2*");
    }
}
