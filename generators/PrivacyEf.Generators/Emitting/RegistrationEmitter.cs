using System;
using System.Collections.Immutable;

namespace PrivacyEf.Generators.Emitting;

/// <summary>
/// Writes the module initializer that registers every generated metadata class of the assembly, so the
/// runtime knows them before any code of the assembly runs.
/// </summary>
internal static class RegistrationEmitter
{
    public const string HintName = "PrivacyEf.Registration.g.cs";

    /// <param name="generatedClassNames">The <c>global::</c>-qualified names of the generated classes.</param>
    public static string Emit(ImmutableArray<string> generatedClassNames)
    {
        var sorted = generatedClassNames.Sort(StringComparer.Ordinal);
        var writer = new IndentedWriter();
        writer.WriteLines(GeneratedCodeInfo.Header);
        writer.WriteLine("namespace PrivacyEf.Generated");
        using (writer.OpenBlock())
        {
            writer.WriteLines($"""
                /// <summary>
                /// Registers the PrivacyEf metadata of this assembly's annotated entities when the module loads.
                /// </summary>
                {GeneratedCodeInfo.GeneratedCodeAttribute}
                internal static class PrivacyEfGeneratedRegistration
                """);
            using (writer.OpenBlock())
            {
                writer.WriteLines("""
                    /// <summary>
                    /// Adds each generated entity metadata to <see cref="global::PrivacyEf.Internal.PrivacyRegistry"/>.
                    /// </summary>
                    [global::System.Runtime.CompilerServices.ModuleInitializer]
                    internal static void Register()
                    """);
                using (writer.OpenBlock())
                {
                    foreach (var className in sorted)
                    {
                        writer.WriteLine("global::PrivacyEf.Internal.PrivacyRegistry.Register(" + className + ".Metadata);");
                    }
                }
            }
        }

        return writer.ToString();
    }
}
