using System.Xml;

namespace Slipway.Results.Parsing;

/// <summary>
/// Reads JUnit XML as PHPUnit writes it (nested <c>&lt;testsuite&gt;</c>s for configuration
/// suites, classes and data providers; cases with class, file and line) and as Behat writes it
/// (a suite per feature, a case per scenario with <c>classname</c> and <c>status</c>, and failure
/// messages in a <c>message</c> attribute). A case without a file takes its nearest suite's.
/// </summary>
internal static class JUnitReportReader
{
    public static async Task ReadAsync(XmlReader xml, ReportContext context)
    {
        await XmlValues.ExpectRootAsync(xml, "testsuites", "testsuite").ConfigureAwait(false);
        var suites = new Stack<SuiteFrame>();
        var opened = new List<SuiteFrame>();
        while (!xml.EOF)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "testsuite")
            {
                var parent = suites.Count > 0 ? suites.Peek() : null;
                var file = XmlValues.NonEmpty(xml, "file") is { } path ? context.Paths.Relative(path) : parent?.File;
                var frame = new SuiteFrame(xml.GetAttribute("name") ?? string.Empty, file);
                opened.Add(frame);
                suites.Push(frame);
                if (xml.IsEmptyElement)
                {
                    suites.Pop();
                }
            }
            else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "testcase")
            {
                var suite = suites.Count > 0 ? suites.Peek() : OrphanSuite(suites, opened);
                suite.Cases.Add(await ReadTestCaseAsync(xml, suite, context).ConfigureAwait(false));
                continue;
            }
            else if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "testsuite" && suites.Count > 0)
            {
                suites.Pop();
            }

            await xml.ReadAsync().ConfigureAwait(false);
        }

        // In the order suites open, so that a class's own cases come before its data providers'.
        foreach (var suite in opened.Where(suite => suite.Cases.Count > 0))
        {
            context.Results.Suites.Add(new TestSuiteResult(context.Tool, suite.Name, suite.File, suite.Cases));
        }
    }

    private static SuiteFrame OrphanSuite(Stack<SuiteFrame> suites, List<SuiteFrame> opened)
    {
        // Cases right under <testsuites> belong to no suite; they get an unnamed one.
        var orphan = new SuiteFrame(string.Empty, null);
        suites.Push(orphan);
        opened.Add(orphan);
        return orphan;
    }

    /// <summary>Reads one <c>&lt;testcase&gt;</c> and leaves the reader on the node after it.</summary>
    private static async Task<TestCaseResult> ReadTestCaseAsync(XmlReader xml, SuiteFrame suite, ReportContext context)
    {
        var name = xml.GetAttribute("name") ?? string.Empty;
        var className = suite.Reuse(XmlValues.NonEmpty(xml, "class") ?? XmlValues.NonEmpty(xml, "classname") ?? suite.ClassName);
        var file = XmlValues.NonEmpty(xml, "file") is { } path ? context.Paths.Relative(path) : suite.File;
        var line = XmlValues.Int(xml, "line");
        var time = XmlValues.Seconds(xml, "time");
        var outcome = StatusOutcome(xml.GetAttribute("status"));
        string? message = null, type = null, details = null;

        if (xml.IsEmptyElement)
        {
            await xml.ReadAsync().ConfigureAwait(false);
        }
        else
        {
            var depth = xml.Depth;
            await xml.ReadAsync().ConfigureAwait(false);
            while (!xml.EOF && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
            {
                if (xml.NodeType != XmlNodeType.Element)
                {
                    await xml.ReadAsync().ConfigureAwait(false);
                    continue;
                }

                var childOutcome = ChildOutcome(xml.LocalName);
                if (childOutcome is null)
                {
                    await xml.SkipAsync().ConfigureAwait(false);
                    continue;
                }

                var attributeMessage = XmlValues.NonEmpty(xml, "message");
                var childType = XmlValues.NonEmpty(xml, "type");
                var text = await XmlValues.ReadElementTextAsync(xml).ConfigureAwait(false);
                if (Severity(childOutcome.Value) >= Severity(outcome))
                {
                    outcome = childOutcome.Value;
                    type = childType;
                    details = text.Length > 0 ? text.Trim() : attributeMessage;
                    message = attributeMessage ?? FailureText.FirstMessageLine(text, name, className);
                }
            }

            await xml.ReadAsync().ConfigureAwait(false);
        }

        var failure = outcome is TestOutcome.Failed or TestOutcome.Error ? FailureText.Location(details, file, context.Paths) : null;
        return new TestCaseResult
        {
            Name = name,
            ClassName = className,
            Tool = context.Tool,
            File = file,
            Line = line,
            Time = time,
            Outcome = outcome,
            Message = message is null ? null : FirstLine(message),
            FailureType = type,
            Details = details,
            FailureFile = failure?.File,
            FailureLine = failure?.Line,
        };
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOf('\n');
        return (end < 0 ? message : message[..end]).Trim();
    }

    private static TestOutcome? ChildOutcome(string element) => element switch
    {
        "failure" => TestOutcome.Failed,
        "error" => TestOutcome.Error,
        "skipped" => TestOutcome.Skipped,
        "warning" => TestOutcome.Warning,
        _ => null,
    };

    /// <summary>Behat's <c>status</c> attribute: it alone marks a skipped scenario, which has no child element.</summary>
    private static TestOutcome StatusOutcome(string? status) => status switch
    {
        "failed" => TestOutcome.Failed,
        "skipped" => TestOutcome.Skipped,
        "pending" or "undefined" => TestOutcome.Error,
        _ => TestOutcome.Passed,
    };

    /// <summary>When a case has several children, the most severe decides its outcome.</summary>
    private static int Severity(TestOutcome outcome) => outcome switch
    {
        TestOutcome.Error => 4,
        TestOutcome.Failed => 3,
        TestOutcome.Warning => 2,
        TestOutcome.Skipped => 1,
        _ => 0,
    };

    private sealed class SuiteFrame(string name, string? file)
    {
        private string? _lastClassName;

        public string Name => name;

        public string? File => file;

        /// <summary>The class a case without one belongs to: a data provider suite <c>Class::method</c> names it first.</summary>
        public string ClassName { get; } = name.IndexOf("::", StringComparison.Ordinal) is var separator and > 0 ? name[..separator] : name;

        public List<TestCaseResult> Cases { get; } = [];

        /// <summary>Cases of one suite share their class; keeping one instance keeps large reports small.</summary>
        public string Reuse(string className)
        {
            if (className == _lastClassName)
            {
                return _lastClassName;
            }

            _lastClassName = className;
            return className;
        }
    }
}
