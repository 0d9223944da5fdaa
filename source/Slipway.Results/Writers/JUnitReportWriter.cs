using System.Globalization;
using System.Text;
using System.Xml;

namespace Slipway.Results.Writers;

/// <summary>
/// Writes one JUnit XML file for the whole run: a <c>&lt;testsuites&gt;</c> with every (flattened)
/// test suite of every task, each case with its class, file, line, time and its
/// <c>&lt;failure&gt;</c>, <c>&lt;error&gt;</c>, <c>&lt;skipped&gt;</c> or PHPUnit-style
/// <c>&lt;warning&gt;</c>. When results could not be read, a suite named <c>slipway</c> holds an
/// errored case per problem, so that tools that only read JUnit do not show a broken run as green.
/// </summary>
public sealed class JUnitReportWriter : IRunReportWriter
{
    /// <summary>The name of the suite that carries infrastructure problems.</summary>
    public const string ProblemSuiteName = "slipway";

    /// <summary>Writes UTF-8 XML to a stream.</summary>
    public void Write(RunReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var xml = XmlWriter.Create(output, Settings(new UTF8Encoding(false)));
        Write(report, xml);
    }

    /// <inheritdoc />
    public void Write(RunReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var xml = XmlWriter.Create(output, Settings(output.Encoding));
        Write(report, xml);
    }

    private static XmlWriterSettings Settings(Encoding encoding) => new()
    {
        Encoding = encoding,
        Indent = true,
        IndentChars = "  ",
        CloseOutput = false,
    };

    private static void Write(RunReport report, XmlWriter xml)
    {
        ArgumentNullException.ThrowIfNull(report);
        var totals = report.Tests;
        xml.WriteStartDocument();
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", "slipway");
        WriteCounts(xml, totals.Total + report.Problems.Count, totals.Failed, totals.Errors + report.Problems.Count, totals.Skipped, totals.Time);
        foreach (var suite in report.Suites)
        {
            WriteSuite(xml, suite);
        }

        if (report.Problems.Count > 0)
        {
            WriteProblems(xml, report.Problems);
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void WriteSuite(XmlWriter xml, TestSuiteResult suite)
    {
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", Clean(suite.Name));
        if (suite.File is not null)
        {
            xml.WriteAttributeString("file", Clean(suite.File));
        }

        WriteCounts(xml, suite.Cases.Count, suite.Count(TestOutcome.Failed), suite.Count(TestOutcome.Error), suite.Count(TestOutcome.Skipped), suite.Time);
        foreach (var test in suite.Cases)
        {
            WriteCase(xml, test);
        }

        xml.WriteEndElement();
    }

    private static void WriteCase(XmlWriter xml, TestCaseResult test)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("name", Clean(test.Name));
        xml.WriteAttributeString("classname", Clean(test.ClassName));
        if (test.File is not null)
        {
            xml.WriteAttributeString("file", Clean(test.File));
        }

        if (test.Line is { } line)
        {
            xml.WriteAttributeString("line", line.ToString(CultureInfo.InvariantCulture));
        }

        xml.WriteAttributeString("time", Seconds(test.Time));
        var element = test.Outcome switch
        {
            TestOutcome.Failed => "failure",
            TestOutcome.Error => "error",
            TestOutcome.Skipped => "skipped",
            TestOutcome.Warning => "warning",
            _ => null,
        };
        if (element is not null)
        {
            xml.WriteStartElement(element);
            if (test.Message is not null)
            {
                xml.WriteAttributeString("message", Clean(test.Message));
            }

            if (test.FailureType is not null)
            {
                xml.WriteAttributeString("type", Clean(test.FailureType));
            }

            if (test.Details is not null)
            {
                xml.WriteString(Clean(test.Details));
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void WriteProblems(XmlWriter xml, IReadOnlyList<ResultsProblem> problems)
    {
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", ProblemSuiteName);
        WriteCounts(xml, problems.Count, 0, problems.Count, 0, TimeSpan.Zero);
        foreach (var problem in problems)
        {
            xml.WriteStartElement("testcase");
            xml.WriteAttributeString("name", Clean(ReportText.ProblemSource(problem)));
            xml.WriteAttributeString("classname", ProblemSuiteName);
            xml.WriteAttributeString("time", "0");
            xml.WriteStartElement("error");
            xml.WriteAttributeString("message", Clean(problem.Message));
            xml.WriteAttributeString("type", problem.Kind.ToString());
            if (problem.RawLines.Count > 0)
            {
                xml.WriteString(Clean(string.Join('\n', problem.RawLines)));
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void WriteCounts(XmlWriter xml, int tests, int failures, int errors, int skipped, TimeSpan time)
    {
        xml.WriteAttributeString("tests", tests.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("failures", failures.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("errors", errors.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("skipped", skipped.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("time", Seconds(time));
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.######", CultureInfo.InvariantCulture);

    /// <summary>Log text may hold characters XML cannot carry (colour codes, broken surrogates); they become U+FFFD.</summary>
    private static string Clean(string text)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var character = text[i];
            var valid = XmlConvert.IsXmlChar(character);
            if (char.IsHighSurrogate(character) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder?.Append(character).Append(text[i + 1]);
                i++;
                continue;
            }

            if (!valid && builder is null)
            {
                builder = new StringBuilder(text.Length).Append(text, 0, i);
            }

            builder?.Append(valid ? character : '\uFFFD');
        }

        return builder?.ToString() ?? text;
    }
}
