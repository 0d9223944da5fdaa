using Slipway.Engine.Parameters;

namespace Slipway.Engine.Planning;

/// <summary>Checks the <c>Requires</c> of every target that will run, before anything runs.</summary>
internal static class RequirementChecker
{
    /// <exception cref="UsageException">A requirement is not met: names the target and how to meet it.</exception>
    public static void Check(ExecutionPlan plan, IReadOnlyList<ParameterDescriptor> parameters)
    {
        foreach (var target in plan.Targets.Where(target => plan.SkipReason(target) is null))
        {
            foreach (var requirement in target.Requirements)
            {
                if (requirement.IsMet())
                {
                    continue;
                }

                if (requirement.IsSentence)
                {
                    throw new UsageException(requirement.Text);
                }

                if (requirement.IsAdvice)
                {
                    throw new UsageException($"Target {target.Name} cannot run as asked: {requirement.Text}.");
                }

                if (!requirement.IsParameter)
                {
                    throw new UsageException($"Target {target.Name} requires {requirement.Text}, which is false.");
                }

                var parameter = parameters.FirstOrDefault(candidate =>
                    candidate.Member is not null && candidate.Member.HasSameMetadataDefinitionAs(requirement.Member!));
                var name = parameter?.Name ?? requirement.Text;
                var commandLine = parameter?.CommandLineName ?? "--" + ParameterNames.ToKebabCase(name);
                var environment = parameter?.PreferredEnvironmentName ?? ParameterNames.EnvironmentPrefix + ParameterNames.ToUpperSnakeCase(name);
                throw new UsageException(
                    $"Target {target.Name} requires parameter '{name}': pass {commandLine} <value> or set {environment}.");
            }
        }
    }
}
