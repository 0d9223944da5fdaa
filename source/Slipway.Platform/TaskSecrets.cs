namespace Slipway.Platform;

/// <summary>
/// How a task or service gets its secrets (<see cref="TaskSpec.Secrets"/>, <see cref="ServiceSpec.Secrets"/>):
/// never in what the platform shows about it (<c>docker inspect</c>, a task definition). Each secret
/// <c>NAME</c> is a file in <see cref="Folder"/>, and the variable <c>NAME_FILE</c> says which; a
/// platform that can only inject it at start (ECS <c>secrets</c>) sets <c>NAME</c> itself instead.
/// Apps read <c>NAME_FILE</c> when it is set and <c>NAME</c> otherwise.
/// </summary>
public static class TaskSecrets
{
    /// <summary>Where a task finds its secret files.</summary>
    public const string Folder = "/run/slipway-secrets";

    /// <summary>The variable that names the file holding <paramref name="name"/>.</summary>
    public static string FileVariable(string name) => name + "_FILE";

    /// <summary>The path of <paramref name="name"/>'s file inside the task.</summary>
    public static string PathOf(string name) => Folder + "/" + name;

    /// <summary>Secret names are environment variable names: upper-case letters, digits and underscores.</summary>
    /// <exception cref="ArgumentException">A name is not one.</exception>
    public static void CheckNames(IReadOnlyDictionary<string, string>? secrets)
    {
        foreach (var name in secrets?.Keys ?? [])
        {
            if (name.Length == 0 || char.IsAsciiDigit(name[0]) || !name.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_'))
            {
                throw new ArgumentException($"The secret name '{name}' is not an upper-case variable name (A-Z, 0-9, _).", nameof(secrets));
            }
        }
    }
}
