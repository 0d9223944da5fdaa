namespace Slipway.Platform;

/// <summary>Something a platform created for Slipway, found by its labels or tags.</summary>
/// <param name="Type">What it is on that platform: container, network, image, task, task-definition, dns-record, ecr-image.</param>
/// <param name="Id">The id or ARN the platform knows it by.</param>
/// <param name="Labels">Its slipway:* labels or tags.</param>
public sealed record OwnedResource(string Type, string Id, IReadOnlyDictionary<string, string> Labels)
{
    public string? Label(string name) => Labels.TryGetValue(name, out var value) ? value : null;
}
