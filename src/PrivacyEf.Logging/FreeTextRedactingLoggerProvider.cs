using Microsoft.Extensions.Logging;

namespace PrivacyEf.Logging;

/// <summary>
/// Stands between the logger factory and one logging provider, so the provider only ever sees records whose free text
/// went through <see cref="PiiRedactor"/>. The services own the provider: this wrapper never disposes it.
/// </summary>
internal sealed class FreeTextRedactingLoggerProvider(ILoggerProvider inner, FreeTextRedactorSource redactor) : ILoggerProvider, ISupportExternalScope
{
    public ILogger CreateLogger(string categoryName) => new FreeTextRedactingLogger(inner.CreateLogger(categoryName), redactor);

    /// <summary>The factory hands its scopes to providers that take them; the provider behind this one must still get them.</summary>
    public void SetScopeProvider(IExternalScopeProvider scopeProvider)
    {
        if (inner is ISupportExternalScope scoped)
        {
            scoped.SetScopeProvider(scopeProvider);
        }
    }

    public void Dispose()
    {
    }
}
