namespace PrivacyEf.Tests.Model.Matrix.AbstractBase;

/// <summary>Declares nothing personal itself: its street, subject link and dates come from an abstract base class.</summary>
[Retain(30, From = nameof(RecordedAt), Then = RetentionAction.Delete)]
public class AbstractBaseDeletedRow : AnnotatedAddressRecord;
