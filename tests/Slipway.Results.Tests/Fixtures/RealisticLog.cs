using Slipway.Platform;

namespace Slipway.Results.Tests.Fixtures;

/// <summary>
/// The log of a test-and-analysis task as a platform hands it out: progress output, PHP warnings on
/// stderr, and the PHPUnit (with failures), phpcs and phpmd reports between markers, with noise
/// lines inside the reports too.
/// </summary>
internal static class RealisticLog
{
    /// <param name="streamsKnown">False for a CloudWatch-like log where every line's stream is unknown.</param>
    public static IReadOnlyList<LogLine> Build(bool streamsKnown)
    {
        var log = new TaskLog(streamsKnown)
            .Out("slipway: running tests in /var/www/app", "PHPUnit 9.6.7 by Sebastian Bergmann and contributors.", "")
            .Err("PHP Deprecated:  Creation of dynamic property Drupal\\Foo::$bar is deprecated in /var/www/app/web/core/lib/Foo.php on line 12")
            .Out(".FESIR..F.W                                                       11 / 11 (100%)", "", "Time: 00:00.007, Memory: 6.00 MB")
            .Begin("phpunit", "junit");
        WithNoise(log, Samples.PhpUnit, streamsKnown);
        log.End("phpunit", 2)
            .Out("slipway: running phpcs")
            .Begin("phpcs", "checkstyle");
        WithNoise(log, Samples.Phpcs, streamsKnown);
        log.End("phpcs", 2)
            .Err("PHP Warning:  Undefined array key \"x\" in /usr/share/php/PHPMD/Rule.php on line 3")
            .Begin("phpmd", "pmd");
        WithNoise(log, Samples.Phpmd, streamsKnown);
        return log.End("phpmd", 2).Out("slipway: done").Lines;
    }

    /// <summary>
    /// Adds the document's lines with a noise line after every third one. With known streams noise
    /// goes anywhere (even into failure text); with unknown streams only between elements, the one
    /// place it can be recognised.
    /// </summary>
    private static void WithNoise(TaskLog log, string document, bool streamsKnown)
    {
        var lines = TaskLog.SplitLines(document);
        for (var i = 0; i < lines.Length; i++)
        {
            log.Out(lines[i]);
            var betweenElements = lines[i].TrimEnd().EndsWith("/>", StringComparison.Ordinal)
                || lines[i].TrimStart().StartsWith("</", StringComparison.Ordinal);
            if (i % 3 == 2 && (streamsKnown || betweenElements))
            {
                log.Err($"PHP Notice:  noise line {i} with <markup> & ampersands");
            }
        }
    }
}
