using System.Text.Json;
using Slipway.Results.Tests.Fixtures;
using Slipway.Results.Writers;

namespace Slipway.Results.Tests.Writers;

public sealed class JsonReportWriterTests
{
    private static JsonElement Write(RunReport report)
    {
        var output = new StringWriter();
        new JsonReportWriter().Write(report, output);
        return JsonDocument.Parse(output.ToString()).RootElement;
    }

    [Fact]
    public void The_top_level_has_the_documented_camel_case_shape()
    {
        var json = Write(SampleRun.Everything());

        json.EnumerateObject().Select(property => property.Name).Should().Equal(
            "schemaVersion", "hasInfrastructureFailure", "hasTestFailures", "tests", "failures", "slowestTests",
            "findingCounts", "findings", "findingsOmitted", "ruleCounts", "metrics", "problems", "tasks", "noTestsFound", "notes",
            "changes", "flakyTests", "costs", "timeToUrlSeconds", "runners");
        json.GetProperty("schemaVersion").GetInt32().Should().Be(JsonReportWriter.SchemaVersion);
        json.GetProperty("hasInfrastructureFailure").GetBoolean().Should().BeTrue();
        json.GetProperty("hasTestFailures").GetBoolean().Should().BeTrue();
        json.GetProperty("tests").GetProperty("total").GetInt32().Should().Be(17);
    }

    [Fact]
    public void Findings_are_bounded_per_rule_and_every_rule_keeps_its_count()
    {
        var findings = Enumerable.Range(1, 50)
            .Select(line => new Finding("phpcs", FindingSeverity.Error, "core/includes/a.inc", line, 1, "Generic.WhiteSpace.ScopeIndent.IncorrectExact", "Indent"))
            .Append(new Finding("phplint", FindingSeverity.Error, "b.php", 3, 1, "PHP.Lint.ParseError", "syntax error"))
            .ToArray();

        var json = Write(RunReport.Combine(new TaskResults("analysis", [], [], findings, [], [])));

        json.GetProperty("findings").GetArrayLength().Should().Be(JsonReportWriter.MaxFindingsPerRule + 1);
        json.GetProperty("findingsOmitted").GetInt32().Should().Be(50 - JsonReportWriter.MaxFindingsPerRule);
        json.GetProperty("ruleCounts").EnumerateArray()
            .Select(rule => $"{rule.GetProperty("rule").GetString()} {rule.GetProperty("count").GetInt32()}")
            .Should().Equal("Generic.WhiteSpace.ScopeIndent.IncorrectExact 50", "PHP.Lint.ParseError 1");
    }

    [Fact]
    public void Failures_findings_and_problems_carry_their_details_with_enums_as_words()
    {
        var json = Write(SampleRun.Everything());

        var failure = json.GetProperty("failures")[0];
        failure.GetProperty("outcome").GetString().Should().Be("failed");
        failure.GetProperty("runner").GetString().Should().Be("phpunit");
        failure.GetProperty("location").GetString().Should().Be("tests/CalculatorTest.php:18");
        failure.GetProperty("details").GetString().Should().Contain("Failed asserting that 3 is identical to 4.");

        var finding = json.GetProperty("findings")[0];
        finding.GetProperty("severity").GetString().Should().Be("error");
        finding.GetProperty("column").GetInt32().Should().Be(1);

        var problem = json.GetProperty("problems")[0];
        problem.GetProperty("kind").GetString().Should().Be("incomplete");
        problem.GetProperty("rawLines").GetArrayLength().Should().Be(3);
    }

    [Fact]
    public void Unknown_values_are_present_as_null_so_the_shape_never_changes()
    {
        var json = Write(RunReport.Combine(SampleRun.Tests()));

        var behatFailure = json.GetProperty("failures").EnumerateArray().First(test => test.GetProperty("name").GetString() == "An editor publishes a draft");
        behatFailure.GetProperty("line").ValueKind.Should().Be(JsonValueKind.Null);
        behatFailure.GetProperty("file").ValueKind.Should().Be(JsonValueKind.Null);
        json.GetProperty("slowestTests")[0].GetProperty("details").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public void Tasks_list_their_tools_with_exit_codes_and_their_suites()
    {
        var json = Write(RunReport.Combine(SampleRun.Tests()));

        var task = json.GetProperty("tasks")[0];
        task.GetProperty("name").GetString().Should().Be("tests");
        var tool = task.GetProperty("tools")[0];
        (tool.GetProperty("tool").GetString(), tool.GetProperty("exitCode").GetInt32(), tool.GetProperty("status").GetString())
            .Should().Be(("phpunit", 2, "read"));
        task.GetProperty("suites").GetArrayLength().Should().Be(6);
    }
}
