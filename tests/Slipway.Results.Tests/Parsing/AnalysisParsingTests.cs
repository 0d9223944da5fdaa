using Slipway.Results.Tests.Fixtures;

namespace Slipway.Results.Tests.Parsing;

public sealed class AnalysisParsingTests
{
    [Fact]
    public void Phpcs_checkstyle_findings_have_relative_files_severities_rules_and_columns()
    {
        var findings = new TaskLog().Report("phpcs", "checkstyle", Samples.Phpcs, exit: 2).Read("analysis").Findings;

        findings.Should().HaveCount(45);
        findings.Count(finding => finding.Severity == FindingSeverity.Warning).Should().Be(3);
        findings[0].Should().Be(new Finding("phpcs", FindingSeverity.Error, "src/Copy.php", 1, 1,
            "PSR12.Files.FileHeader.SpacingAfterBlock", "Header blocks must be separated by a single blank line"));
        findings.Select(finding => finding.File).Distinct().Should().Equal("src/Copy.php", "src/Calculator.php");
    }

    [Fact]
    public void Phpstan_and_php_lint_checkstyle_reports_are_read_the_same_way()
    {
        var results = new TaskLog()
            .Report("phpstan", "checkstyle", Samples.Phpstan, exit: 1)
            .Report("phplint", "checkstyle", Samples.PhpLint, exit: 255)
            .Read("analysis");

        results.Findings.Select(finding => (finding.Tool, finding.Location, finding.Rule)).Should().Equal(
            ("phpstan", "src/Calculator.php:11", "missingType.return"),
            ("phpstan", "src/Calculator.php:11", "missingType.parameter"),
            ("phplint", "web/modules/custom/shop/src/Cart.php:27", "php -l"));
        results.Findings[2].Message.Should().Be("PHP Parse error:  syntax error, unexpected token \"}\", expecting \";\"");
        results.Findings[2].Column.Should().BeNull();
    }

    [Fact]
    public void Phpmd_violations_map_priorities_to_severities_and_keep_the_message_on_one_line()
    {
        var findings = new TaskLog().Report("phpmd", "pmd", Samples.Phpmd, exit: 2).Read("analysis").Findings;

        findings.Should().HaveCount(6);
        findings[0].Should().Be(new Finding("phpmd", FindingSeverity.Error, "src/Calculator.php", 14, null,
            "MissingImport", "Missing class import via use statement (line '14', column '23')."));
        findings[2].Should().BeEquivalentTo(new { Severity = FindingSeverity.Warning, Rule = "CyclomaticComplexity", Line = 20 });
    }

    [Fact]
    public void Files_phpmd_could_not_parse_are_processing_errors()
    {
        var findings = new TaskLog().Report("phpmd", "pmd", """
            <?xml version="1.0" encoding="UTF-8" ?>
            <pmd version="2.13.0">
              <file name="/var/www/app/src/A.php">
                <violation beginline="2" rule="ShortVariable" priority="5">Avoid variables with short names like $a.</violation>
              </file>
              <error filename="/var/www/app/src/Broken.php" msg="Unexpected token: }, line: 7, col: 1, file: /var/www/app/src/Broken.php." />
            </pmd>
            """).Read("analysis").Findings;

        findings.Select(finding => (finding.Severity, finding.File, finding.Rule)).Should().Equal(
            (FindingSeverity.Notice, "src/A.php", "ShortVariable"),
            (FindingSeverity.Error, "src/Broken.php", "ProcessingError"));
    }

    [Fact]
    public void A_phpcpd_duplication_is_one_warning_at_the_first_copy_naming_the_others()
    {
        var finding = new TaskLog().Report("phpcpd", "pmd-cpd", Samples.Phpcpd, exit: 1).Read("analysis").Findings.Should().ContainSingle().Which;

        finding.Should().Be(new Finding("phpcpd", FindingSeverity.Warning, "src/Calculator.php", 6, null, "DuplicatedCode",
            "18 duplicated lines (64 tokens), also in src/Copy.php:6"));
    }

    [Fact]
    public void Phploc_json_gives_lines_classes_and_methods()
    {
        var metrics = new TaskLog().Report("phploc", "phploc-json", Samples.Phploc).Read("analysis").Metrics;

        metrics.Should().Equal(new CodeMetrics("phploc", 50, 12, 2, 6));
    }

    [Fact]
    public void Phploc_output_that_is_not_json_is_unreadable()
    {
        var results = new TaskLog().Report("phploc", "phploc-json", "phploc 7.0.2 by Sebastian Bergmann.\n{\"loc\": ").Read("analysis");

        results.Problems.Single().Message.Should().StartWith("tool phploc produced unreadable output: ");
        results.Metrics.Should().BeEmpty();
    }
}
