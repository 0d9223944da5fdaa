namespace Slipway.Pipeline.AppConfig;

/// <summary>A service the app declares under <c>services:</c> in <c>.slipway.yml</c>, checked and defaulted from its kind.</summary>
/// <param name="Name">Lower-case letters and digits: the service's host name and the prefix of <c>NAME_HOST</c>/<c>NAME_PORT</c>.</param>
/// <param name="Kind">A well-known kind, or null for an image of the app's own choosing.</param>
/// <param name="Image">The image the app names; null to let Slipway pick the kind's image.</param>
/// <param name="Port">The port the service listens on.</param>
/// <param name="Environment">The service's own environment.</param>
/// <param name="Ready">The readiness command the app names (no shell); null for the kind's own, or none.</param>
public sealed record AppService(
    string Name,
    ServiceKind? Kind,
    string? Image,
    int Port,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<string>? Ready);
