namespace KylinMock.Errors;

/// <summary>
/// A Kylin error code (<c>KE-...</c>) and how Kylin renders its message: new-style codes read
/// <c>"KE-x: message"</c>, old-style codes read <c>"KE-x(Description):message"</c>.
/// </summary>
internal sealed record ErrorCode
{
    private ErrorCode(string code, bool oldStyle)
    {
        Code = code;
        OldStyle = oldStyle;
    }

    /// <summary>The code as Kylin writes it, for example <c>KE-010032219</c>.</summary>
    public string Code { get; }

    /// <summary>True for codes rendered as <c>code(description):message</c> with a null suggestion.</summary>
    public bool OldStyle { get; }

    /// <summary>KE-000000001: an unexpected exception (message is <c>code(UNKNOWN ERRORCODE): raw</c>).</summary>
    public static readonly ErrorCode UnknownErrorCode = new("KE-000000001", oldStyle: true);

    /// <summary>KE-000030001: a request body that is not JSON.</summary>
    public static readonly ErrorCode FailedParseJson = new("KE-000030001", oldStyle: true);

    /// <summary>KE-010000003: Invalid Parameter (HTTP 400 when it comes from binding).</summary>
    public static readonly ErrorCode InvalidParameter = new("KE-010000003", oldStyle: true);

    /// <summary>KE-010001002: Empty Project Name.</summary>
    public static readonly ErrorCode EmptyProjectName = new("KE-010001002", oldStyle: true);

    /// <summary>KE-010024001: No access.</summary>
    public static readonly ErrorCode AccessDenied = new("KE-010024001", oldStyle: true);

    /// <summary>KE-010003005: User Locked.</summary>
    public static readonly ErrorCode UserLocked = new("KE-010003005", oldStyle: true);

    /// <summary>KE-010003008: Login Failed (a disabled user).</summary>
    public static readonly ErrorCode LoginFailed = new("KE-010003008", oldStyle: true);

    /// <summary>KE-010001201: Can't find project.</summary>
    public static readonly ErrorCode ProjectNotExist = new("KE-010001201", oldStyle: false);

    /// <summary>KE-010001208: the project has multi-level partitioning off (PROJECT_MULTI_PARTITION_DISABLE).</summary>
    public static readonly ErrorCode ProjectMultiPartitionDisable = new("KE-010001208", oldStyle: false);

    /// <summary>KE-010032211: the action cannot be applied to a job in its state.</summary>
    public static readonly ErrorCode JobUpdateStatusFailed = new("KE-010032211", oldStyle: false);

    /// <summary>KE-010032212: a status name that is not a JobStatusEnum name.</summary>
    public static readonly ErrorCode JobStatusIllegal = new("KE-010032212", oldStyle: false);

    /// <summary>KE-010032213: no job selected for an action.</summary>
    public static readonly ErrorCode JobNotSelected = new("KE-010032213", oldStyle: false);

    /// <summary>KE-010032215: an illegal low-level state move.</summary>
    public static readonly ErrorCode IllegalJobStateTransfer = new("KE-010032215", oldStyle: false);

    /// <summary>KE-010032217: the action is not allowed for a status.</summary>
    public static readonly ErrorCode JobActionIllegal = new("KE-010032217", oldStyle: false);

    /// <summary>KE-010032219: Can't find job.</summary>
    public static readonly ErrorCode JobNotExist = new("KE-010032219", oldStyle: false);

    /// <summary>KE-010003207: no credentials.</summary>
    public static readonly ErrorCode UserUnauthorized = new("KE-010003207", oldStyle: false);

    /// <summary>KE-010003208: wrong user name or password.</summary>
    public static readonly ErrorCode UserLoginFailed = new("KE-010003208", oldStyle: false);

    /// <summary>KE-010003209: no authentication information.</summary>
    public static readonly ErrorCode UserAuthInfoNotFound = new("KE-010003209", oldStyle: false);

    /// <summary>KE-010014004: Empty Sql Expression (QS <c>checkSqlRequest</c>).</summary>
    public static readonly ErrorCode EmptySqlExpression = new("KE-010014004", oldStyle: true);

    /// <summary>KE-020050001: both forced flags of a query (NQC <c>checkForcedToParams</c>); the code has no description (<c>unknown</c>).</summary>
    public static readonly ErrorCode ForcedToParams = new("KE-020050001", oldStyle: true);

    /// <summary>KE-010000004: Invalid Name (a saved query's name).</summary>
    public static readonly ErrorCode InvalidName = new("KE-010000004", oldStyle: true);

    /// <summary>KE-010027006: Can't save the query (the name is taken).</summary>
    public static readonly ErrorCode SavedQueryExists = new("KE-010027006", oldStyle: true);

    /// <summary>KE-010043201: a required request parameter is missing or empty.</summary>
    public static readonly ErrorCode RequestParameterEmpty = new("KE-010043201", oldStyle: false);

    /// <summary>KE-010043208: a parameter that must be a non-negative integer (BaseController.checkNonNegativeIntegerArg).</summary>
    public static readonly ErrorCode IntegerNonNegativeCheck = new("KE-010043208", oldStyle: false);

    /// <summary>KE-010043209: a body value Kylin's ArgsTypeJsonDeserializer cannot read as its type (ARGS_TYPE_CHECK).</summary>
    public static readonly ErrorCode ArgsTypeCheck = new("KE-010043209", oldStyle: false);

    /// <summary>KE-010043207: a parameter value outside the supported set.</summary>
    public static readonly ErrorCode ParameterInvalidSupportList = new("KE-010043207", oldStyle: false);

    /// <summary>KE-010002203: Can't find model name.</summary>
    public static readonly ErrorCode ModelNameNotExist = new("KE-010002203", oldStyle: false);

    /// <summary>KE-010002202: Can't find model id (NModelControllerV2.getModelDesc names the alias).</summary>
    public static readonly ErrorCode ModelIdNotExist = new("KE-010002202", oldStyle: false);

    /// <summary>KE-010025201: Can't find the cube (the v2 face's SegmentControllerV2).</summary>
    public static readonly ErrorCode CubeNotExist = new("KE-010025201", oldStyle: false);

    /// <summary>KE-010002011: Model Broken.</summary>
    public static readonly ErrorCode ModelBroken = new("KE-010002011", oldStyle: true);

    /// <summary>KE-010024002: Permission Denied.</summary>
    public static readonly ErrorCode PermissionDenied = new("KE-010024002", oldStyle: true);

    /// <summary>KE-010035014: Unsupported Operation (streaming).</summary>
    public static readonly ErrorCode UnsupportedOperation = new("KE-010035014", oldStyle: true);

    /// <summary>KE-010043202: a range bound below zero.</summary>
    public static readonly ErrorCode TimeInvalidRangeLessThanZero = new("KE-010043202", oldStyle: false);

    /// <summary>KE-010043203: a range whose end is not after its start.</summary>
    public static readonly ErrorCode TimeInvalidRangeEndLessThanEqualsStart = new("KE-010043203", oldStyle: false);

    /// <summary>KE-010043205: a range bound that is not epoch milliseconds.</summary>
    public static readonly ErrorCode TimeInvalidRangeNotFormatMs = new("KE-010043205", oldStyle: false);

    /// <summary>KE-010043206: only one of start and end given.</summary>
    public static readonly ErrorCode TimeInvalidRangeNotConsistent = new("KE-010043206", oldStyle: false);


    /// <summary>KE-010022202: a new range overlapping built segments.</summary>
    public static readonly ErrorCode SegmentBuildRangeOverlap = new("KE-010022202", oldStyle: false);

    /// <summary>KE-010022203: no segment in the range to refresh (SegmentControllerV2.rebuild).</summary>
    public static readonly ErrorCode SegmentRefreshSelectRangeEmpty = new("KE-010022203", oldStyle: false);

    /// <summary>KE-010022206: more than one segment in the range to refresh (SegmentControllerV2.rebuild).</summary>
    public static readonly ErrorCode SegmentRefreshSelectRangeMore = new("KE-010022206", oldStyle: false);

    /// <summary>KE-010022212: no segment named (SegmentControllerV2.manageSegments).</summary>
    public static readonly ErrorCode SegmentsEmptyChosen = new("KE-010022212", oldStyle: false);

    /// <summary>KE-010022207: fewer than two segments to merge.</summary>
    public static readonly ErrorCode SegmentMergeLessThanTwo = new("KE-010022207", oldStyle: false);

    /// <summary>KE-010022208: gaps between the segments to merge.</summary>
    public static readonly ErrorCode SegmentMergeContainsGaps = new("KE-010022208", oldStyle: false);

    /// <summary>KE-010022209: no segment of that name.</summary>
    public static readonly ErrorCode SegmentNotExistName = new("KE-010022209", oldStyle: false);

    /// <summary>KE-010022210: no segment of that id.</summary>
    public static readonly ErrorCode SegmentNotExistId = new("KE-010022210", oldStyle: false);

    /// <summary>KE-010022211: no segment resolved.</summary>
    public static readonly ErrorCode SegmentEmptyId = new("KE-010022211", oldStyle: false);

    /// <summary>KE-010022214: both segment ids and names given.</summary>
    public static readonly ErrorCode SegmentConflictParameter = new("KE-010022214", oldStyle: false);

    /// <summary>KE-010022215: neither segment ids nor names given.</summary>
    public static readonly ErrorCode SegmentEmptyParameter = new("KE-010022215", oldStyle: false);

    /// <summary>KE-010022216: a LOCKED segment.</summary>
    public static readonly ErrorCode SegmentLocked = new("KE-010022216", oldStyle: false);

    /// <summary>KE-010022217: a segment LOADING, REFRESHING or MERGING.</summary>
    public static readonly ErrorCode SegmentStatus = new("KE-010022217", oldStyle: false);

    /// <summary>KE-010032206: a blocking job on the same segments.</summary>
    public static readonly ErrorCode JobCreateCheckFail = new("KE-010032206", oldStyle: false);

    /// <summary>KE-010032207: a merge of segments whose index sets differ.</summary>
    public static readonly ErrorCode JobMergeCheckIndexFail = new("KE-010032207", oldStyle: false);

    /// <summary>KE-010032204: no executable job (a merge of segments without indexes).</summary>
    public static readonly ErrorCode JobCreateAbandon = new("KE-010032204", oldStyle: false);

    /// <summary>KE-010032202: a refresh of a segment with no index, without refresh_all_indexes.</summary>
    public static readonly ErrorCode JobCreateCheckSegmentFail = new("KE-010032202", oldStyle: false);

    /// <summary>KE-010032214: sampling rows outside 10000..20000000.</summary>
    public static readonly ErrorCode JobSamplingRangeInvalid = new("KE-010032214", oldStyle: false);

    /// <summary>KE-010007003: Invalid Table Name (old style).</summary>
    public static readonly ErrorCode InvalidTableName = new("KE-010007003", oldStyle: true);

    /// <summary>KE-010000005: Empty Parameter (old style).</summary>
    public static readonly ErrorCode EmptyParameter = new("KE-010000005", oldStyle: true);

    /// <summary>KE-010008001: Database Not Exist (old style).</summary>
    public static readonly ErrorCode DatabaseNotExist = new("KE-010008001", oldStyle: true);

    /// <summary>KE-010007001: Table Not Exist (old style).</summary>
    public static readonly ErrorCode TableNotExist = new("KE-010007001", oldStyle: true);

    /// <summary>KE-010033001: Snapshot Not Exist (old style).</summary>
    public static readonly ErrorCode SnapshotNotExist = new("KE-010033001", oldStyle: true);

    /// <summary>KE-010033002: Snapshot Management Not Enabled (old style).</summary>
    public static readonly ErrorCode SnapshotManagementNotEnabled = new("KE-010033002", oldStyle: true);

    /// <summary>KE-010022220: batch_index_ids and index_status together.</summary>
    public static readonly ErrorCode SegmentIndexConflictParameter = new("KE-010022220", oldStyle: false);

    /// <summary>KE-010022221: an index_status outside NO_BUILD, ONLINE, BUILDING.</summary>
    public static readonly ErrorCode SegmentIndexStatusInvalid = new("KE-010022221", oldStyle: false);

    /// <summary>KE-010022222: more than 100 segments in one job.</summary>
    public static readonly ErrorCode SegmentBuildTooMany = new("KE-010022222", oldStyle: false);

    /// <summary>KE-010002018: partition values for a model without multi-level partitions (old style).</summary>
    public static readonly ErrorCode PartitionValueNotSupport = new("KE-010002018", oldStyle: true);

    /// <inheritdoc />
    public override string ToString() => Code;
}
