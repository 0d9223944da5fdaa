namespace Slipway.Engine.Parameters;

/// <summary>The engine's own options (<c>--skip</c>, <c>--verbosity</c>, ...), resolved like the build's parameters.</summary>
internal sealed class EngineOptions
{
    public string[]? Target { get; set; }

    public string[]? Skip { get; set; }

    public string[]? Profile { get; set; }

    public AbsolutePath? Root { get; set; }

    public Verbosity Verbosity { get; set; } = Verbosity.Normal;

    // Targets mostly wait on containers and remote tasks rather than on the CPU, so a small machine can still run several.
    public int MaxParallel { get; set; } = Math.Max(4, Environment.ProcessorCount);

    public bool Sequential { get; set; }

    public bool Continue { get; set; }

    public bool Help { get; set; }

    public bool Plan { get; set; }

    /// <summary>The options as parameters; <c>Root</c> and <c>Profile</c> come first because the files are found through them.</summary>
    public IReadOnlyList<ParameterDescriptor> Describe() =>
    [
        Option(nameof(Root), "The folder holding .nuke/ (found by searching upwards by default).", typeof(AbsolutePath), () => Root, value => Root = (AbsolutePath?)value, fromFiles: false),
        Option(nameof(Profile), "Reads .nuke/parameters.<profile>.json for each profile; a later profile wins.", typeof(string[]), () => Profile, value => Profile = (string[]?)value, fromFiles: false),
        Option(nameof(Target), "The targets to run (as an alternative to naming them first).", typeof(string[]), () => Target, value => Target = (string[]?)value, targets: true),
        Option(nameof(Skip), "Targets to skip; without names, every target that was not named.", typeof(string[]), () => Skip, value => Skip = (string[]?)value, targets: true),
        Option(nameof(Verbosity), "How much to print.", typeof(Verbosity), () => Verbosity, value => Verbosity = (Verbosity)value!),
        Option(nameof(MaxParallel), "How many targets may run at the same time.", typeof(int), () => MaxParallel, value => MaxParallel = (int)value!),
        Option(nameof(Sequential), "Runs one target at a time.", typeof(bool), () => Sequential, value => Sequential = (bool)value!),
        Option(nameof(Continue), "Skips the targets that succeeded in the last identical invocation.", typeof(bool), () => Continue, value => Continue = (bool)value!, fromFiles: false),
        Option(nameof(Plan), "Shows which targets would run, in waves of targets that run at the same time, and stops.", typeof(bool), () => Plan, value => Plan = (bool)value!, fromFiles: false),
        Option(nameof(Help), "Shows the targets and parameters, and stops.", typeof(bool), () => Help, value => Help = (bool)value!, fromFiles: false),
    ];

    private static ParameterDescriptor Option(
        string name,
        string description,
        Type type,
        Func<object?> getValue,
        Action<object?> setValue,
        bool fromFiles = true,
        bool targets = false) => new()
        {
            Name = name,
            Description = description,
            Type = type,
            GetValue = getValue,
            SetValue = setValue,
            IsBuiltIn = true,
            ReadFromFiles = fromFiles,
            HoldsTargetNames = targets,
        };
}
