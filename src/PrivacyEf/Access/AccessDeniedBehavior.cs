namespace PrivacyEf;

/// <summary>What happens when an access scope reads a personal value its roles and purpose do not allow.</summary>
public enum AccessDeniedBehavior
{
    /// <summary>The value comes back masked according to the property's <see cref="MaskStyle"/>.</summary>
    Mask = 0,

    /// <summary>The read fails with a <see cref="PrivacyAccessDeniedException"/>.</summary>
    Throw = 1,
}
