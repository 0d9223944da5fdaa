using System.Globalization;

namespace Slipway.Service.Web;

/// <summary>
/// The run page's part about what the run changed against its base branch, the app's flaky tests (every test of
/// the run that failed and passed on one commit in the kept history, flakiest first) and what the run cost.
/// </summary>
internal static class RunInsightsSection
{
    public static void Write(HtmlWriter html, RunInsights? insights)
    {
        if (insights is null)
        {
            return;
        }

        if (insights.Changes is { } changes)
        {
            html.Element("h2", "New in this change").Element("p", changes, ("id", "changes"));
        }

        if (insights.FlakyTests.Count > 0)
        {
            html.Element("h2", "Flakiest tests")
                .Element("p", "Failed and passed on the same commit; history newest first (P passed, F failed, S skipped).", ("class", "muted"))
                .Markup("<table id=\"flaky-tests\"><thead><tr><th>Test</th><th>Failed</th><th>Passed</th><th>History</th></tr></thead><tbody>");
            foreach (var (name, failed, passed, pattern) in insights.FlakyTests)
            {
                html.Markup("<tr>").Cell(name).Cell(Whole(failed)).Cell(Whole(passed)).Cell(pattern).Markup("</tr>");
            }

            html.Markup("</tbody></table>");
        }

        if (insights.Stages.Count == 0 && insights.TimeToUrlSeconds is null)
        {
            return;
        }

        html.Element("h2", "Cost and time").Markup("<table id=\"costs\"><thead><tr><th>Stage</th><th>Platform</th><th>Task time</th><th>Estimate</th></tr></thead><tbody>");
        foreach (var (stage, platform, seconds, usd) in insights.Stages)
        {
            html.Markup("<tr>").Cell(stage).Cell(platform).Cell(Seconds(seconds)).Cell(usd is { } price ? RunInsights.Usd(price) : "machine time").Markup("</tr>");
        }

        html.Markup("</tbody></table>");
        var total = insights.EstimatedUsd is { } sum ? $"Estimated {RunInsights.Usd(sum)} ({insights.Pricing}). " : "";
        var toUrl = insights.TimeToUrlSeconds is { } url ? $"Trigger to playground answering: {Seconds(url)}." : "";
        html.Element("p", total + toUrl, ("id", "cost-total"));
    }

    private static string Whole(int number) => number.ToString(CultureInfo.InvariantCulture);

    private static string Seconds(double seconds) => seconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
