namespace PrivacyEf.Kernel;

/// <summary>
/// Implemented by PrivacyEf's EF options extension (in the composition root), so the kernel finds an
/// application's runtime from a context without knowing the extension's type.
/// </summary>
internal interface IPrivacyKernelSource
{
    /// <summary>The application's kernel.</summary>
    PrivacyKernel Kernel { get; }
}
