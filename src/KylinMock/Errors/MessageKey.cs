namespace KylinMock.Errors;

/// <summary>Kylin's own message texts (from <c>Message.java</c> and <c>CnMessage.java</c>) used with old-style codes.</summary>
internal enum MessageKey
{
    /// <summary>"The job status is invalid. Please select again."</summary>
    IllegalExecutableState,

    /// <summary>"The selected sort filter \"%s\" is invalid. Please select again."</summary>
    IllegalSortByFilter,

    /// <summary>"This user is disabled. Please contact admin."</summary>
    DisabledUser,

    /// <summary>"For security concern, account %s has been locked. ..." (args: user, left seconds, next lock seconds).</summary>
    UserInLockedStatus,

    /// <summary>"User %s is locked permanently. ..." (arg: user).</summary>
    UserInPermanentlyLockedStatus,

    /// <summary>"Can’t find project information. Please select a project."</summary>
    EmptyProjectName,
}
