using Slipway.Aws.Runtime;

namespace Slipway.Aws.Ssm;

/// <summary>The SSM Parameter Store calls Slipway makes: SecureString parameters holding task secrets, and their tags.</summary>
internal sealed class SsmClient(JsonProtocol protocol)
{
    /// <summary>The tier Slipway stores in: Standard is free and holds values up to <see cref="StandardValueLimit"/> bytes; Advanced is paid per parameter.</summary>
    public const string Tier = "Standard";

    /// <summary>The largest value a Standard parameter holds, in bytes (4 KB).</summary>
    public const int StandardValueLimit = 4096;

    private const string ParameterResource = "Parameter";
    private const int DeleteBatch = 10;

    /// <summary>
    /// Stores <paramref name="value"/> encrypted under <paramref name="name"/>, with its tags in the same call, so no
    /// parameter is ever left without the tags that let Teardown find it.
    /// </summary>
    public async Task PutSecureStringAsync(string name, string value, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken)
    {
        var ssmTags = tags.Select(tag => new SsmTag(tag.Key, tag.Value)).ToList();
        try
        {
            await protocol.CallAsync<PutParameterRequest, NoContent>(
                SsmOperations.PutParameter, new PutParameterRequest(name, value, "SecureString", Tier, ssmTags), cancellationToken);
        }
        catch (AwsException exception) when (exception.ErrorCode == "ParameterAlreadyExists")
        {
            // The name holds the run id, so it exists only when this call was made before: a retry whose first attempt was
            // stored but whose answer was lost, or the run storing the secret again. Tags cannot go with Overwrite; the
            // parameter got them when it was made, and they are set once more in case another hand made it.
            await protocol.CallAsync<PutParameterRequest, NoContent>(
                SsmOperations.PutParameter, new PutParameterRequest(name, value, "SecureString", Tier, Tags: null, Overwrite: true), cancellationToken);
            await protocol.CallAsync<AddTagsToResourceRequest, NoContent>(
                SsmOperations.AddTagsToResource, new AddTagsToResourceRequest(ParameterResource, name, ssmTags), cancellationToken);
        }
    }

    /// <summary>The names of every parameter under <paramref name="path"/>, at any depth, all pages.</summary>
    public async Task<IReadOnlyList<string>> ListNamesUnderAsync(string path, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        string? token = null;
        do
        {
            var page = await protocol.CallAsync<DescribeParametersRequest, DescribeParametersResponse>(
                SsmOperations.DescribeParameters,
                new DescribeParametersRequest([new SsmParameterFilter("Path", "Recursive", [path])], token),
                cancellationToken);
            names.AddRange((page.Parameters ?? []).Select(parameter => parameter.Name));
            token = page.NextToken;
        }
        while (!string.IsNullOrEmpty(token));

        return names;
    }

    public async Task<IReadOnlyDictionary<string, string>> ListTagsAsync(string name, CancellationToken cancellationToken)
    {
        var response = await protocol.CallAsync<ListTagsForResourceRequest, ListTagsForResourceResponse>(
            SsmOperations.ListTagsForResource, new ListTagsForResourceRequest(ParameterResource, name), cancellationToken);
        return (response.TagList ?? []).GroupBy(tag => tag.Key).ToDictionary(group => group.Key, group => group.Last().Value);
    }

    /// <summary>Deletes parameters, ten per call; one already gone counts as deleted.</summary>
    public async Task DeleteAsync(IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        foreach (var batch in names.Distinct().Chunk(DeleteBatch))
        {
            await protocol.CallAsync<DeleteParametersRequest, DeleteParametersResponse>(
                SsmOperations.DeleteParameters, new DeleteParametersRequest(batch), cancellationToken);
        }
    }
}
