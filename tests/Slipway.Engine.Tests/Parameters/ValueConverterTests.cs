using Slipway.Engine.Parameters;

namespace Slipway.Engine.Tests.Parameters;

public class ValueConverterTests
{
    private static ParameterDescriptor Parameter(string name, Type type, bool secret = false) => new()
    {
        Name = name,
        Description = string.Empty,
        Type = type,
        GetValue = () => null,
        SetValue = _ => { },
        IsSecret = secret,
    };

    private static object? Convert(ParameterDescriptor parameter, params string[] values) =>
        ValueConverter.Convert(parameter, new RawValue(values, ParameterSource.CommandLine, "/tmp"));

    [Fact]
    public void Convert_NotANumber_NamesTheParameterAndWhatIsAllowed()
    {
        var convert = () => Convert(Parameter("MaxParallel", typeof(int)), "many");

        convert.Should().Throw<UsageException>()
            .WithMessage("Parameter 'MaxParallel' from the command line must be a whole number, not 'many'.");
    }

    [Fact]
    public void Convert_UnknownEnumValue_ListsTheAllowedValues()
    {
        var convert = () => Convert(Parameter("Verbosity", typeof(Verbosity)), "loud");

        convert.Should().Throw<UsageException>()
            .WithMessage("Parameter 'Verbosity' from the command line must be one of quiet, minimal, normal, verbose, not 'loud'.");
    }

    [Fact]
    public void Convert_NotABoolean_SaysTrueOrFalse()
    {
        var convert = () => Convert(Parameter("DryRun", typeof(bool?)), "maybe");

        convert.Should().Throw<UsageException>().WithMessage("*must be true or false, not 'maybe'.");
    }

    [Fact]
    public void Convert_SecretThatDoesNotConvert_NeverShowsTheValue()
    {
        var convert = () => Convert(Parameter("PinCode", typeof(int), secret: true), "hunter2");

        convert.Should().Throw<UsageException>().Which.Message.Should().NotContain("hunter2").And.Contain("secret");
    }

    [Fact]
    public void Convert_ScalarWithoutValue_SaysHowToPassOne()
    {
        var convert = () => Convert(Parameter("Branch", typeof(string)));

        convert.Should().Throw<UsageException>().WithMessage("*needs a value: pass --branch <value>.");
    }

    [Fact]
    public void Convert_ScalarWithTwoValues_IsAnError()
    {
        var convert = () => Convert(Parameter("Branch", typeof(string)), "main", "Test");

        convert.Should().Throw<UsageException>().WithMessage("*takes one value*");
    }

    [Fact]
    public void Convert_NullableIntAndArray_Work()
    {
        Convert(Parameter("Retries", typeof(int?)), "7").Should().Be(7);
        Convert(Parameter("Tags", typeof(string[])), "a", "b").Should().BeEquivalentTo(new[] { "a", "b" });
    }
}
