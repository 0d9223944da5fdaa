using Slipway.Results.Tests.Fixtures;

namespace Slipway.Results.Tests.Parsing;

public sealed class JUnitParsingTests
{
    private static readonly TaskResults PhpUnit = new TaskLog().Report("phpunit", "junit", Samples.PhpUnit, exit: 2).Read();
    private static readonly TaskResults Behat = new TaskLog().Report("behat", "junit", Samples.Behat, exit: 1).Read();

    private static TestCaseResult PhpUnitCase(string name) => PhpUnit.Suites.SelectMany(suite => suite.Cases).Single(test => test.Name == name);

    private static TestCaseResult BehatCase(string name) => Behat.Suites.SelectMany(suite => suite.Cases).Single(test => test.Name == name);

    [Fact]
    public void PHPUnit_nested_suites_are_flattened_to_the_suites_that_hold_cases_in_document_order()
    {
        PhpUnit.Suites.Select(suite => (suite.Name, suite.File, suite.Cases.Count)).Should().Equal(
            ("App\\Tests\\CalculatorTest", "tests/CalculatorTest.php", 7),
            ("App\\Tests\\CalculatorTest::testPairs", "tests/CalculatorTest.php", 2),
            ("App\\Tests\\WarnTest", "tests/WarnTest.php", 1),
            ("App\\Tests\\WarnTest::testBadProvider", "tests/WarnTest.php", 1));
        PhpUnit.Suites.Should().OnlyContain(suite => suite.Tool == "phpunit");
    }

    [Fact]
    public void A_passing_PHPUnit_case_has_its_class_relative_file_line_and_time()
    {
        PhpUnitCase("testAdd").Should().BeEquivalentTo(new
        {
            ClassName = "App\\Tests\\CalculatorTest",
            File = "tests/CalculatorTest.php",
            Line = 11,
            Outcome = TestOutcome.Passed,
            Message = (string?)null,
        });
        PhpUnitCase("testAdd").Time.Should().Be(TimeSpan.FromTicks(5830), "the report says 0.000583 s");
    }

    [Fact]
    public void A_PHPUnit_failure_has_its_message_without_the_test_name_and_the_line_that_failed()
    {
        var failure = PhpUnitCase("testAddFails");

        failure.Outcome.Should().Be(TestOutcome.Failed);
        failure.Message.Should().Be("sum is wrong <&> ]]> ::slipway:: end tool=phpunit exit=0");
        failure.FailureType.Should().Be("PHPUnit\\Framework\\ExpectationFailedException");
        failure.Location.Should().Be("tests/CalculatorTest.php:18");
        failure.Details.Should().Contain("Failed asserting that 3 is identical to 4.");
    }

    [Fact]
    public void A_data_set_failure_skips_the_name_line_that_repeats_the_data()
    {
        var failure = PhpUnitCase("testPairs with data set \"two\"");

        failure.Message.Should().Be("Failed asserting that 4 is identical to 5.");
        failure.Location.Should().Be("tests/CalculatorTest.php:49");
    }

    [Fact]
    public void An_error_points_at_the_frame_in_the_test_file_rather_than_deeper_code()
    {
        var error = PhpUnitCase("testDivideByZero");

        error.Outcome.Should().Be(TestOutcome.Error);
        error.Message.Should().Be("InvalidArgumentException: Division by zero");
        error.Location.Should().Be("tests/CalculatorTest.php:23");
    }

    [Fact]
    public void Risky_tests_are_errors_and_skipped_and_incomplete_tests_are_skipped()
    {
        PhpUnitCase("testRisky").Outcome.Should().Be(TestOutcome.Error);
        PhpUnitCase("testRisky").Message.Should().Be("This test did not perform any assertions");
        PhpUnitCase("testSkipped").Outcome.Should().Be(TestOutcome.Skipped);
        PhpUnitCase("testIncomplete").Outcome.Should().Be(TestOutcome.Skipped);
    }

    [Fact]
    public void A_PHPUnit_warning_is_its_own_outcome_with_its_message()
    {
        var warning = PhpUnitCase("testAddWarning");

        warning.Outcome.Should().Be(TestOutcome.Warning);
        warning.Message.Should().Be("something odd");
        warning.Location.Should().Be("tests/WarnTest.php:9", "a warning points at the test's declaration");
    }

    [Fact]
    public void A_case_without_class_or_file_takes_them_from_its_suites()
    {
        var broken = PhpUnitCase("Error");

        broken.ClassName.Should().Be("App\\Tests\\WarnTest");
        broken.File.Should().Be("tests/WarnTest.php");
        broken.Message.Should().Be("The data provider specified for App\\Tests\\WarnTest::testBadProvider is invalid.");
    }

    [Fact]
    public void Behat_features_are_suites_and_scenarios_are_cases_named_by_feature()
    {
        Behat.Suites.Select(suite => (suite.Name, suite.File, suite.Cases.Count)).Should().Equal(
            ("Log in to the site", "features/login.feature", 3),
            ("Publish an article", null, 3));
        BehatCase("An editor logs in with a valid password").Should().BeEquivalentTo(new
        {
            ClassName = "Log in to the site",
            File = "features/login.feature",
            Line = (int?)null,
            Outcome = TestOutcome.Passed,
        });
    }

    [Fact]
    public void A_failed_Behat_scenario_takes_its_message_from_the_failure_attribute()
    {
        var failure = BehatCase("An editor mistypes the password");

        failure.Outcome.Should().Be(TestOutcome.Failed);
        failure.Message.Should().StartWith("Then I should see \"Unrecognized username or password\": The text");
        failure.Location.Should().Be("features/login.feature");
        failure.Time.Should().Be(TimeSpan.FromSeconds(0.871));
    }

    [Fact]
    public void Undefined_and_pending_Behat_steps_are_errors_and_a_skipped_scenario_is_skipped_by_its_status()
    {
        BehatCase("An editor publishes a draft").Outcome.Should().Be(TestOutcome.Error);
        BehatCase("An editor publishes a draft").Message.Should().Be("And I press the \"Publish now\" button");
        BehatCase("A reviewer approves the draft").Outcome.Should().Be(TestOutcome.Error);
        BehatCase("An anonymous visitor sees the article").Outcome.Should().Be(TestOutcome.Skipped);
    }

    [Fact]
    public void A_single_testsuite_root_and_cases_outside_any_suite_are_read()
    {
        var single = new TaskLog().Report("phpunit", "junit", """
            <testsuite name="Only" file="/var/www/app/tests/OnlyTest.php">
              <testcase name="testIt" time="0.5"/>
            </testsuite>
            """).Read();
        var orphan = new TaskLog().Report("phpunit", "junit", "<testsuites><testcase name=\"loose\" classname=\"Loose\"/></testsuites>").Read();

        single.Suites.Single().Cases.Single().Should().BeEquivalentTo(new { Name = "testIt", ClassName = "Only", File = "tests/OnlyTest.php" });
        orphan.Suites.Single().Cases.Single().Should().BeEquivalentTo(new { Name = "loose", ClassName = "Loose" });
    }

    [Fact]
    public void Paths_outside_the_app_root_stay_absolute_and_relative_ones_lose_a_leading_dot()
    {
        var results = new TaskLog().Report("phpunit", "junit", """
            <testsuites>
              <testsuite name="A" file="/opt/vendor/tests/ATest.php"><testcase name="a"/></testsuite>
              <testsuite name="B" file="./tests/BTest.php"><testcase name="b"/></testsuite>
              <testsuite name="C" file="/var/www/application/CTest.php"><testcase name="c"/></testsuite>
            </testsuites>
            """).Read();

        results.Suites.Select(suite => suite.File).Should().Equal("/opt/vendor/tests/ATest.php", "tests/BTest.php", "/var/www/application/CTest.php");
    }

    [Fact]
    public void A_very_long_failure_text_is_cut()
    {
        var longText = new string('x', 50_000);
        var results = new TaskLog().Report("phpunit", "junit",
            $"<testsuites><testsuite name=\"S\"><testcase name=\"t\"><failure>{longText}</failure></testcase></testsuite></testsuites>").Read();

        results.Suites.Single().Cases.Single().Details.Should().HaveLength(10_000);
    }
}
