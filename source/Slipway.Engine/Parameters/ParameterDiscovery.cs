using System.Reflection;

namespace Slipway.Engine.Parameters;

/// <summary>Finds the <c>[Parameter]</c> fields and properties of a build.</summary>
internal static class ParameterDiscovery
{
    private const BindingFlags Members =
        BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    /// <summary>The build's parameters, from the most derived class down to (not including) <see cref="SlipwayBuild"/>.</summary>
    /// <exception cref="UsageException">A parameter property cannot be set.</exception>
    public static IReadOnlyList<ParameterDescriptor> Find(object build)
    {
        var parameters = new List<ParameterDescriptor>();
        for (var type = build.GetType(); type is not null && type != typeof(SlipwayBuild); type = type.BaseType)
        {
            foreach (var field in type.GetFields(Members))
            {
                if (field.GetCustomAttribute<ParameterAttribute>() is { } attribute)
                {
                    parameters.Add(Describe(field, attribute, field.FieldType, () => field.GetValue(build), value => field.SetValue(build, value)));
                }
            }

            foreach (var property in type.GetProperties(Members))
            {
                if (property.GetCustomAttribute<ParameterAttribute>() is not { } attribute)
                {
                    continue;
                }

                Action<object?> setter = property.SetMethod is not null
                    ? value => property.SetValue(build, value)
                    : type.GetField($"<{property.Name}>k__BackingField", Members) is { } backingField
                        ? value => backingField.SetValue(build, value)
                        : throw new UsageException(
                            $"Parameter '{property.Name}' is a property that cannot be set; give it {{ get; set; }} or make it a field.");
                parameters.Add(Describe(property, attribute, property.PropertyType, () => property.GetValue(build), setter));
            }
        }

        return parameters;
    }

    private static ParameterDescriptor Describe(
        MemberInfo member,
        ParameterAttribute attribute,
        Type type,
        Func<object?> getValue,
        Action<object?> setValue) => new()
        {
            Name = string.IsNullOrWhiteSpace(attribute.Name) ? member.Name.TrimStart('_') : attribute.Name,
            Description = attribute.Description,
            Type = type,
            GetValue = getValue,
            SetValue = setValue,
            IsSecret = member.IsDefined(typeof(SecretAttribute)),
            Member = member,
        };
}
