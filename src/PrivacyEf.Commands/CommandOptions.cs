using System.CommandLine;

namespace PrivacyEf.Commands;

/// <summary>Options several privacy commands take.</summary>
internal static class CommandOptions
{
    public static Option<int?> BatchSize(string defaultDescription)
    {
        var option = new Option<int?>("--batch-size")
        {
            Description = $"Rows per batch; each batch is one transaction. Default: {defaultDescription}.",
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is <= 0)
            {
                result.AddError("--batch-size must be a positive number of rows.");
            }
        });
        return option;
    }
}
