using Slipway.Aws.Runtime;

namespace Slipway.Aws.Ssm;

/// <summary>The SSM Parameter Store calls Slipway makes: SecureString parameters holding task secrets, and their tags.</summary>
internal sealed class SsmClient(JsonProtocol protocol)
{
    private const string ParameterResource = "Parameter";
    private const int DeleteBatch = 10;

    /// <summary>Stores <paramref name="value"/> encrypted under <paramref name="name"/> (replacing an earlier value) and tags it.</summary>
    public async Task PutSecureStringAsync(string name, string value, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken)
    {
        // PutParameter refuses tags together with Overwrite, so the tags follow in their own call.
        await protocol.CallAsync<PutParameterRequest, NoContent>(
            SsmOperations.PutParameter, new PutParameterRequest(name, value, "SecureString", Overwrite: true), cancellationToken);
        await protocol.CallAsync<AddTagsToResourceRequest, NoContent>(
            SsmOperations.AddTagsToResource,
            new AddTagsToResourceRequest(ParameterResource, name, tags.Select(tag => new SsmTag(tag.Key, tag.Value)).ToList()),
            cancellationToken);
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
