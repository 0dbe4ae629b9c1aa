namespace KylinMock.Fixtures;

/// <summary>
/// The name pools a generated estate draws from: project themes in the style of Kylin's sample
/// projects (learn_kylin, ssb, tpch) and of typical customer estates.
/// </summary>
internal static class EstateNames
{
    /// <summary>Curated projects, each with its database, tables and model aliases.</summary>
    public static readonly ProjectTheme[] Themes =
    [
        new("learn_kylin", "DEFAULT",
            ["KYLIN_SALES", "KYLIN_ACCOUNT", "KYLIN_CAL_DT", "KYLIN_CATEGORY_GROUPINGS", "KYLIN_COUNTRY"],
            ["kylin_sales_model", "sales_cube_model", "kylin_account_model", "KYLIN_SALES_FLAT", "learn_kylin_model", "cal_dt_model"]),
        new("ssb", "SSB",
            ["LINEORDER", "CUSTOMER", "DATES", "PART", "SUPPLIER", "P_LINEORDER"],
            ["ssb_model", "LINEORDER_MODEL", "ssb_flat_model", "customer_orders_model", "p_lineorder_model", "supplier_model"]),
        new("tpch", "TPCH",
            ["LINEITEM", "ORDERS", "CUSTOMER", "PART", "PARTSUPP", "SUPPLIER", "NATION", "REGION"],
            ["ORDERS_MODEL", "lineitem_model", "tpch_q1_model", "tpch_q3_model", "partsupp_model", "nation_region_model"]),
        new("sales_analytics", "SALES",
            ["ORDERS", "ORDER_ITEMS", "CUSTOMERS", "PRODUCTS", "STORES", "CALENDAR", "PROMOTIONS", "RETURNS", "CHANNELS", "REGIONS"],
            ["sales_cube_model", "revenue_model", "ORDER_ITEMS_MODEL", "store_sales_model", "returns_model", "promo_effect_model"]),
        new("finance_reporting", "FIN",
            ["GL_ENTRIES", "ACCOUNTS", "COST_CENTERS", "BUDGETS", "FX_RATES", "INVOICES", "PAYMENTS"],
            ["gl_balance_model", "INVOICE_MODEL", "payments_model", "budget_vs_actual", "fx_model", "ar_aging_model"]),
        new("user_behavior", "LOG",
            ["PAGE_VIEWS", "CLICK_EVENTS", "SESSIONS", "USERS", "DEVICES", "CAMPAIGNS", "GEO_IP"],
            ["page_view_model", "CLICKSTREAM_MODEL", "session_funnel_model", "campaign_model", "retention_model", "device_model"]),
        new("supply_chain", "SCM",
            ["SHIPMENTS", "WAREHOUSES", "INVENTORY_SNAPSHOT", "SUPPLIERS", "PURCHASE_ORDERS", "CARRIERS", "SKU"],
            ["inventory_model", "SHIPMENT_MODEL", "po_model", "otd_model", "stock_turn_model", "carrier_cost_model"]),
    ];

    /// <summary>Star-schema tables that fill a project up to ten tables, and make a Bogus-named project's tables.</summary>
    public static readonly string[] GenericTables =
    [
        "FACT_ORDERS", "FACT_ORDER_LINES", "DIM_CUSTOMER", "DIM_PRODUCT", "DIM_DATE",
        "DIM_STORE", "FACT_INVENTORY", "DIM_SUPPLIER", "FACT_RETURNS", "DIM_PROMOTION",
    ];

    /// <summary>Model alias endings for a Bogus-named project (prefixed with its name).</summary>
    public static readonly string[] GenericModelSuffixes =
    [
        "_orders_model", "_cube_model", "_inventory_model", "_returns_model", "_customer_model", "_daily_model",
    ];

    /// <summary>Kylin users other than ADMIN that submit jobs.</summary>
    public static readonly string[] FixedUsers = ["ANALYST", "MODELER"];

    /// <summary>Failure lines as Kylin shows them for a failed build step.</summary>
    public static readonly string[] FailureMessages =
    [
        "java.lang.OutOfMemoryError: Java heap space",
        "org.apache.spark.SparkException: Job aborted due to stage failure: Task 3 in stage 12.0 failed 4 times, most recent failure: Lost task 3.3 in stage 12.0 (TID 187) (executor 2): ExecutorLostFailure (executor 2 exited caused by one of the running tasks) Reason: Container killed by YARN for exceeding memory limits.",
        "java.util.concurrent.TimeoutException: Futures timed out after [300 seconds]",
        "org.apache.hadoop.security.AccessControlException: Permission denied: user=kylin, access=WRITE, inode=\"/kylin/kylin_metadata/working-dir\":hdfs:supergroup:drwxr-xr-x",
        "java.net.ConnectException: Call From kylin-job-1/10.0.3.17 to namenode:8020 failed on connection exception: java.net.ConnectException: Connection refused",
        "org.apache.spark.SparkException: Application application_1718000000000_0042 finished with failed status",
        "java.lang.RuntimeException: Error execute org.apache.kylin.engine.spark.job.SegmentBuildJob",
        "org.apache.hadoop.hive.ql.metadata.HiveException: Unable to fetch table. Table not found",
        "java.io.IOException: No space left on device",
        "org.apache.kylin.common.persistence.transaction.TransactionException: Failed to update metadata in transaction",
    ];
}

/// <summary>A project to generate: its name, database and the names its tables and models may take.</summary>
/// <param name="Name">The project name (lower case with underscores).</param>
/// <param name="Database">The database its tables live in (upper case).</param>
/// <param name="Tables">Table names without the database.</param>
/// <param name="ModelAliases">Model aliases.</param>
internal sealed record ProjectTheme(string Name, string Database, string[] Tables, string[] ModelAliases);
