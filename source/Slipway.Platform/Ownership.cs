namespace Slipway.Platform;

/// <summary>
/// Who a resource belongs to. Every container, image, task, task definition and DNS record Slipway
/// creates carries these as labels or tags, so that teardown finds exactly what Slipway started.
/// </summary>
public sealed record Ownership(string App, string Branch, string Run)
{
    public const string AppLabel = "slipway:app";
    public const string BranchLabel = "slipway:branch";
    public const string RunLabel = "slipway:run";

    /// <summary>
    /// Which installation (one work directory's state store) created the resource. Teardown and the leftover sweeps
    /// list only resources carrying their own installation's value; networks and any other resource type get it too.
    /// </summary>
    public const string InstallationLabel = "slipway:installation";

    /// <summary>What the resource is for: one of the <see cref="TaskKind"/> names in lower case, or "image".</summary>
    public const string KindLabel = "slipway:kind";

    /// <summary>
    /// On what serves a task rather than being it: <c>service</c> (a container beside it) or <c>network</c> (the
    /// network it shares with them). Their <see cref="KindLabel"/> is the kind of the task they serve.
    /// </summary>
    public const string RoleLabel = "slipway:role";

    public IReadOnlyDictionary<string, string> ToLabels(string kind) => new Dictionary<string, string>
    {
        [AppLabel] = App,
        [BranchLabel] = Branch,
        [RunLabel] = Run,
        [KindLabel] = kind,
    };
}
