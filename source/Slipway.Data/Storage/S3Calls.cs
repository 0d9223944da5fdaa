using Amazon.S3;

namespace Slipway.Data.Storage;

/// <summary>Calls to one bucket whose failures become one sentence naming the bucket and what to fix.</summary>
/// <param name="bucket">The bucket.</param>
/// <param name="setting">The setting that names it, for the message.</param>
/// <param name="rights">The IAM actions the calls need on it, for the message.</param>
internal sealed class S3Calls(
    string bucket, string setting = "--dump-bucket", string rights = "s3:GetObject, s3:PutObject, s3:DeleteObject and s3:ListBucket")
{
    public async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (AmazonS3Exception exception)
        {
            throw Explain(exception);
        }
    }

    public async Task CallAsync(Func<Task> call) => await CallAsync(async () =>
    {
        await call();
        return true;
    });

    public DataException Explain(AmazonS3Exception exception) => exception.ErrorCode switch
    {
        "NoSuchBucket" => new DataException($"The bucket '{bucket}' does not exist: create it or fix {setting}.", exception),
        "AccessDenied" or "AllAccessDisabled" => new DataException(
            $"Access to the bucket '{bucket}' was denied: allow {rights} (docs/iam-policy.json).", exception),
        _ => new DataException($"The bucket '{bucket}' failed: {exception.Message}", exception),
    };
}
