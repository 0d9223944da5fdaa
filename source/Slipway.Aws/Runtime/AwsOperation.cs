namespace Slipway.Aws.Runtime;

/// <summary>
/// One API operation a client calls. Every operation is declared once as a static field of its
/// service's operations class, so that the IAM policy can be checked against the code.
/// </summary>
/// <param name="AlsoRequires">
/// IAM actions the operation's result is used for beyond the call itself (iam:PassRole for the roles a
/// task runs with, the ECR layer actions the engine performs with an authorization token).
/// </param>
internal sealed record AwsOperation(AwsService Service, string Name, IReadOnlyList<string> AlsoRequires)
{
    public AwsOperation(AwsService service, string name)
        : this(service, name, [])
    {
    }

    /// <summary>The IAM action that allows this call, e.g. ecs:RunTask.</summary>
    public string Action => $"{Service.SigningName}:{Name}";

    public override string ToString() => Action;
}
