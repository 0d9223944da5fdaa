using Slipway.Engine.Parameters;

namespace Slipway.Engine.Tests.Parameters;

public class ParameterNamesTests
{
    [Theory]
    [InlineData("MaxParallel", "max-parallel", "MAX_PARALLEL")]
    [InlineData("Branch", "branch", "BRANCH")]
    [InlineData("AWSRegion", "aws-region", "AWS_REGION")]
    [InlineData("S3Bucket", "s3-bucket", "S3_BUCKET")]
    [InlineData("slack_token", "slack-token", "SLACK_TOKEN")]
    public void Spellings_FollowTheWordsOfTheName(string name, string kebab, string upperSnake)
    {
        ParameterNames.ToKebabCase(name).Should().Be(kebab);
        ParameterNames.ToUpperSnakeCase(name).Should().Be(upperSnake);
    }
}
