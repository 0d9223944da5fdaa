using System.Text.Json.Serialization;

namespace Slipway.Aws.Ssm;

// Request and response shapes of the SSM operations Slipway calls. SSM names its members in PascalCase (ECS, ECR and
// Logs use camelCase, the protocol's default here), so requests name theirs; answers are read case-insensitively.

internal sealed record SsmTag([property: JsonPropertyName("Key")] string Key, [property: JsonPropertyName("Value")] string Value);

// PutParameter refuses Tags together with Overwrite: a new parameter gets its tags in the call that makes it.
internal sealed record PutParameterRequest(
    [property: JsonPropertyName("Name")] string Name,
    [property: JsonPropertyName("Value")] string Value,
    [property: JsonPropertyName("Type")] string Type,
    [property: JsonPropertyName("Tier")] string Tier,
    [property: JsonPropertyName("Tags")] IReadOnlyList<SsmTag>? Tags,
    [property: JsonPropertyName("Overwrite")] bool? Overwrite = null)
{
    // The value is the secret: the record's generated ToString would print it.
    public override string ToString() => $"PutParameter {Name}";
}

internal sealed record AddTagsToResourceRequest(
    [property: JsonPropertyName("ResourceType")] string ResourceType,
    [property: JsonPropertyName("ResourceId")] string ResourceId,
    [property: JsonPropertyName("Tags")] IReadOnlyList<SsmTag> Tags);

internal sealed record ListTagsForResourceRequest(
    [property: JsonPropertyName("ResourceType")] string ResourceType,
    [property: JsonPropertyName("ResourceId")] string ResourceId);

internal sealed record ListTagsForResourceResponse(IReadOnlyList<SsmTag>? TagList);

internal sealed record SsmParameterFilter(
    [property: JsonPropertyName("Key")] string Key,
    [property: JsonPropertyName("Option")] string Option,
    [property: JsonPropertyName("Values")] IReadOnlyList<string> Values);

internal sealed record DescribeParametersRequest(
    [property: JsonPropertyName("ParameterFilters")] IReadOnlyList<SsmParameterFilter> ParameterFilters,
    [property: JsonPropertyName("NextToken")] string? NextToken,
    [property: JsonPropertyName("MaxResults")] int MaxResults = 50);

internal sealed record SsmParameterMetadata(string Name);

internal sealed record DescribeParametersResponse(IReadOnlyList<SsmParameterMetadata>? Parameters, string? NextToken);

internal sealed record DeleteParametersRequest([property: JsonPropertyName("Names")] IReadOnlyList<string> Names);

internal sealed record DeleteParametersResponse(IReadOnlyList<string>? DeletedParameters, IReadOnlyList<string>? InvalidParameters);
