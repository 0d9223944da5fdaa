using System.Reflection;

namespace Slipway.Engine.Definition;

/// <summary>Something a target needs before the build starts: a parameter with a value, or a true condition.</summary>
/// <param name="Describe">The parameter's member name, or the condition as written (computed only when needed).</param>
/// <param name="Member">The field or property the requirement reads, when it is a parameter requirement.</param>
/// <param name="IsMet">Evaluates the requirement.</param>
internal sealed record TargetRequirement(Func<string> Describe, MemberInfo? Member, Func<bool> IsMet)
{
    public string Text => Describe();

    /// <summary>True for <c>Requires(() =&gt; Parameter)</c>, false for <c>Requires(() =&gt; condition)</c>.</summary>
    public bool IsParameter => Member is not null;

    /// <summary>True when <see cref="Text"/> is the build author's advice rather than the condition as written.</summary>
    public bool IsAdvice { get; init; }

    /// <summary>True when <see cref="Text"/> is a whole sentence naming what to fix, shown as it is.</summary>
    public bool IsSentence { get; init; }
}
