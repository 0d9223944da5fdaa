using System.Text;

namespace Slipway.Service.Tests.Fixtures;

/// <summary>The webhook payloads in Payloads/, shaped as GitHub and Bitbucket document them.</summary>
public static class Payloads
{
    public static string Read(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Payloads", name + ".json"));

    /// <summary>A payload with some of its values replaced, e.g. another branch or action.</summary>
    public static string Read(string name, params (string From, string To)[] replacements) =>
        replacements.Aggregate(new StringBuilder(Read(name)), (text, pair) => text.Replace(pair.From, pair.To)).ToString();
}
