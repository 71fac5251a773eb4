namespace PrivacyEf.Tests.Infrastructure;

public static class PrivacyAssert
{
    /// <summary>Asserts that the action fails with a <see cref="PrivacyCryptographicException"/> (possibly wrapped by EF) naming the property.</summary>
    public static async Task<PrivacyCryptographicException> ThrowsCryptographicAsync(string entity, string property, Func<Task> action)
    {
        var thrown = await Record.ExceptionAsync(action);
        Assert.NotNull(thrown);
        for (var exception = thrown; exception is not null; exception = exception.InnerException)
        {
            if (exception is PrivacyCryptographicException privacy)
            {
                Assert.Equal(entity, privacy.EntityName);
                Assert.Equal(property, privacy.PropertyName);
                Assert.Contains($"{entity}.{property}", privacy.Message, StringComparison.Ordinal);
                return privacy;
            }
        }

        Assert.Fail($"Expected a PrivacyCryptographicException for {entity}.{property}, got: {thrown}");
        return null!;
    }
}
