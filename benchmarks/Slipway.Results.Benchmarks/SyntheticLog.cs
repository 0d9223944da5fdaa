using System.Globalization;
using System.Text;
using Slipway.Platform;

namespace Slipway.Results.Benchmarks;

/// <summary>
/// A deterministic test-task log of about 100 MB holding 50,000 PHPUnit test cases (2% failing),
/// handed out as CloudWatch does: pages of at most 10,000 events and 1 MiB, every line's stream
/// unknown. Lines are made as pages are asked for, so the log itself is never held whole.
/// </summary>
public sealed class SyntheticLog(LogShape shape)
{
    public const int TestCases = 50_000;
    private const int PageEvents = 10_000;
    private const int PageBytes = 1024 * 1024;
    private const int CasesPerReport = 100;
    private const int CasesPerSuite = 25;

    /// <summary>The output a Drupal kernel test run prints around a test (HTML output notes, deprecations, traces).</summary>
    private static readonly string[] OutputLines =
    [
        "HTML output was generated: http://localhost/sites/simpletest/browser_output/Drupal_Tests_node_Functional_NodeEditFormTest-{0}.html",
        "PHP Deprecated:  Drupal\\Core\\Entity\\EntityTypeManager::getHandler(): Implicit conversion to a nullable type is deprecated in /var/www/app/web/core/lib/Drupal/Core/Entity/EntityTypeManager.php on line {0}",
        "    Drupal\\Core\\Database\\StatementWrapperIterator->execute() (Line: {0} of /var/www/app/web/core/lib/Drupal/Core/Database/StatementWrapperIterator.php)",
        "    Drupal\\Core\\Database\\Connection->query('SELECT nid FROM {{node_field_data}} WHERE status = :status', Array) (Line: {0} of core/lib/Drupal/Core/Entity/Query/Sql/Query.php)",
        "    Drupal\\Core\\Entity\\Query\\Sql\\Query->execute() (Line: {0} of /var/www/app/web/modules/custom/shop/src/Controller/CartController.php)",
        "Testing Drupal\\Tests\\shop\\Kernel\\CartTotalsTest: setting up the test environment, installing 14 modules and the standard profile ({0})",
        "[notice] Message: Created the Basic page Node type. Installed the node, field, text, filter and user modules for the test run {0}.",
        "    Symfony\\Component\\HttpKernel\\HttpKernel->handle(Object, 1, 1) (Line: {0} of /var/www/app/web/core/lib/Drupal/Core/StackMiddleware/Session.php)",
        "PHP Warning:  Undefined array key \"field_price\" in /var/www/app/web/modules/custom/shop/src/Price/PriceCalculator.php on line {0}",
        "    Drupal\\Core\\DrupalKernel->handle(Object) (Line: {0} of /var/www/app/web/core/lib/Drupal/Core/Test/HttpClientMiddleware/TestHttpClientMiddleware.php)",
        "Remaining self deprecation notices ({0}): Drupal\\Core\\Config\\ConfigBase::get() will require a string key in drupal:11.0.0.",
        "    Drupal\\shop\\Cart\\CartManager->addItem(Object, 2) (Line: {0} of /var/www/app/web/modules/custom/shop/tests/src/Kernel/CartTotalsTest.php)",
        "Progress: {0} tests run, Memory: 126.00 MB, Time: 00:04:12.004; writing browser output to sites/simpletest/browser_output",
    ];

    public LogShape Shape => shape;

    /// <summary>The log's size in UTF-8 bytes, one newline per line included.</summary>
    public long CountBytes()
    {
        long bytes = 0;
        foreach (var line in Lines())
        {
            bytes += Encoding.UTF8.GetByteCount(line.Text) + 1;
        }

        return bytes;
    }

    /// <summary>The log in CloudWatch-sized pages.</summary>
    public IEnumerable<LogLine[]> Pages()
    {
        var page = new List<LogLine>(PageEvents);
        var bytes = 0;
        foreach (var line in Lines())
        {
            var size = line.Text.Length + 1;
            if (page.Count == PageEvents || (page.Count > 0 && bytes + size > PageBytes))
            {
                yield return page.ToArray();
                page.Clear();
                bytes = 0;
            }

            page.Add(line);
            bytes += size;
        }

        if (page.Count > 0)
        {
            yield return page.ToArray();
        }
    }

    private IEnumerable<LogLine> Lines() => shape switch
    {
        LogShape.ManyReports => ManyReports(),
        LogShape.OneReport => OneReport(),
        _ => AllXml(),
    };

    private static IEnumerable<LogLine> ManyReports()
    {
        for (var first = 0; first < TestCases; first += CasesPerReport)
        {
            for (var testCase = first; testCase < first + CasesPerReport; testCase++)
            {
                foreach (var line in Output(testCase, lines: 11))
                {
                    yield return line;
                }
            }

            foreach (var line in Report(first, CasesPerReport, withOutput: false))
            {
                yield return line;
            }
        }
    }

    private static IEnumerable<LogLine> OneReport()
    {
        for (var testCase = 0; testCase < TestCases; testCase++)
        {
            foreach (var line in Output(testCase, lines: 11))
            {
                yield return line;
            }
        }

        foreach (var line in Report(0, TestCases, withOutput: false))
        {
            yield return line;
        }
    }

    private static IEnumerable<LogLine> AllXml() => Report(0, TestCases, withOutput: true);

    private static IEnumerable<LogLine> Output(int testCase, int lines)
    {
        for (var i = 0; i < lines; i++)
        {
            yield return Line(string.Format(CultureInfo.InvariantCulture, OutputLines[(testCase + i) % OutputLines.Length], testCase * 17 + i));
        }
    }

    private static IEnumerable<LogLine> Report(int first, int count, bool withOutput)
    {
        yield return Line("::slipway:: begin tool=phpunit format=junit");
        yield return Line("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        yield return Line("<testsuites>");
        yield return Line($"  <testsuite name=\"\" tests=\"{count}\" assertions=\"{count * 3}\" errors=\"0\" warnings=\"0\" failures=\"{count / 50}\" skipped=\"0\" time=\"{count * 0.013:0.000}\">");
        for (var suiteStart = first; suiteStart < first + count; suiteStart += CasesPerSuite)
        {
            var suite = suiteStart / CasesPerSuite;
            var className = $"Drupal\\Tests\\shop{suite % 40}\\Kernel\\CartFeature{suite}Test";
            var file = $"/var/www/app/web/modules/custom/shop{suite % 40}/tests/src/Kernel/CartFeature{suite}Test.php";
            yield return Line($"    <testsuite name=\"{className}\" file=\"{file}\" tests=\"{CasesPerSuite}\" assertions=\"{CasesPerSuite * 3}\" errors=\"0\" warnings=\"0\" failures=\"0\" skipped=\"0\" time=\"0.325000\">");
            for (var testCase = suiteStart; testCase < suiteStart + CasesPerSuite; testCase++)
            {
                foreach (var line in TestCase(testCase, className, file, withOutput))
                {
                    yield return line;
                }

                if (testCase % 20 == 19)
                {
                    // Noise between elements, as a platform that mixes streams would interleave it.
                    yield return Line($"PHP Deprecated:  Return type of Drupal\\shop\\Cart\\CartItem::jsonSerialize() should be compatible ({testCase})");
                }
            }

            yield return Line("    </testsuite>");
        }

        yield return Line("  </testsuite>");
        yield return Line("</testsuites>");
        yield return Line($"::slipway:: end tool=phpunit exit={(count >= 50 ? 1 : 0)}");
    }

    private static IEnumerable<LogLine> TestCase(int testCase, string className, string file, bool withOutput)
    {
        var line = 20 + (testCase % CasesPerSuite) * 12;
        var attributes = $"name=\"testCartTotalsAreRecalculatedWhenTheQuantityChanges{testCase}\" class=\"{className}\" classname=\"{className.Replace('\\', '.')}\" file=\"{file}\" line=\"{line}\" assertions=\"3\" time=\"0.{testCase % 1000:000}{testCase % 7}12\"";
        var fails = testCase % 50 == 7;
        if (!fails && !withOutput)
        {
            yield return Line($"      <testcase {attributes}/>");
            yield break;
        }

        yield return Line($"      <testcase {attributes}>");
        if (fails)
        {
            yield return Line($"        <failure type=\"PHPUnit\\Framework\\ExpectationFailedException\">{className}::testCartTotalsAreRecalculatedWhenTheQuantityChanges{testCase}");
            yield return Line("Failed asserting that two strings are identical.");
            yield return Line("--- Expected");
            yield return Line("+++ Actual");
            yield return Line("@@ @@");
            yield return Line("-'12.50 &amp; shipping'");
            yield return Line("+'12.05 &amp; shipping'");
            yield return Line(string.Empty);
            yield return Line($"{file}:{line + 4}</failure>");
        }

        if (withOutput)
        {
            yield return Line("        <system-out>");
            foreach (var output in Output(testCase, lines: 11))
            {
                yield return Line(System.Security.SecurityElement.Escape(output.Text));
            }

            yield return Line("</system-out>");
        }

        yield return Line("      </testcase>");
    }

    private static LogLine Line(string text) => new(LogStream.Unknown, text);
}
