using System.Reflection;

namespace Slipway.Engine.Hosting;

/// <summary>Finds the build's targets: its properties of type <see cref="Target"/>, named after the property.</summary>
internal static class TargetDiscovery
{
    private const BindingFlags Members =
        BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    public static IReadOnlyList<KeyValuePair<string, Target>> Find(SlipwayBuild build)
    {
        var targets = new List<KeyValuePair<string, Target>>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var type = build.GetType(); type is not null && type != typeof(SlipwayBuild); type = type.BaseType)
        {
            foreach (var property in type.GetProperties(Members))
            {
                if (property.PropertyType == typeof(Target) && property.GetIndexParameters().Length == 0 && names.Add(property.Name) &&
                    property.GetValue(build) is Target target)
                {
                    targets.Add(new KeyValuePair<string, Target>(property.Name, target));
                }
            }
        }

        return targets;
    }
}
