namespace PrivacyEf.Tests.Model.HeldHierarchy;

public class RoutineFiling : Filing;
