package org.dbb.console.app.icons;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Every glyph the console shows, by meaning. Views ask for {@code AppIcon.X.graphic()}; swapping the icon pack
 * touches only this file. Create graphics on the FX thread.
 */
public enum AppIcon {
    WORKSPACE(Material2AL.FOLDER_OPEN),
    ENVIRONMENT(Material2AL.CLOUD_QUEUE),
    PROTECTED(Material2AL.LOCK),
    PIPELINE(Material2AL.ACCOUNT_TREE),
    NOTEBOOK(Material2AL.DESCRIPTION),
    SEMANTIC_MODEL(Material2AL.INSIGHTS),
    LAKEHOUSE(Material2MZ.STORAGE),
    WAREHOUSE(Material2AL.DNS),
    DBT_JOB(Material2AL.LAYERS),
    ITEM(Material2MZ.WIDGETS),
    STAGE(Material2MZ.TIMELINE),
    ACTIVITY(Material2MZ.VIEW_LIST),
    RETRY(Material2AL.AUTORENEW),
    RUN(Material2MZ.PLAY_ARROW),
    CANCEL(Material2MZ.STOP),
    RERUN(Material2MZ.REPLAY),
    RELOAD(Material2MZ.REFRESH),
    WARNING(Material2MZ.WARNING),
    ERROR(Material2AL.ERROR_OUTLINE),
    OK(Material2AL.CHECK_CIRCLE),
    WAITING(Material2AL.HOURGLASS_EMPTY),
    // shell
    DARK_THEME(Material2MZ.NIGHTS_STAY),
    LIGHT_THEME(Material2MZ.WB_SUNNY),
    OVERVIEW(Material2AL.DASHBOARD),
    HISTORY(Material2AL.HISTORY),
    MONITORING(Material2MZ.TABLE_CHART),
    PARAMETERS(Material2MZ.TUNE),
    SETTINGS(Material2MZ.SETTINGS),
    // environment settings page
    ADD_ENVIRONMENT(Material2AL.ADD_CIRCLE_OUTLINE),
    RENAME(Material2AL.EDIT),
    REMOVE(Material2AL.DELETE_OUTLINE),
    SAVE(Material2MZ.SAVE),
    SIGN_IN(Material2AL.LOG_IN),
    SIGN_OUT(Material2AL.LOG_OUT),
    TEST_CONNECTION(Material2MZ.NETWORK_CHECK);

    private final Ikon ikon;

    AppIcon(Ikon ikon) {
        this.ikon = ikon;
    }

    /** A new node showing this icon; style its colour and size through CSS ({@code .app-icon}). */
    public FontIcon graphic() {
        FontIcon icon = new FontIcon(ikon);
        icon.getStyleClass().add("app-icon");
        return icon;
    }

    /** The icon for a Fabric item type. */
    public static AppIcon forItemType(String type) {
        return switch (type) {
            case "DataPipeline" -> PIPELINE;
            case "Notebook" -> NOTEBOOK;
            case "SemanticModel" -> SEMANTIC_MODEL;
            case "Lakehouse" -> LAKEHOUSE;
            case "Warehouse", "SQLDatabase" -> WAREHOUSE;
            case "DataBuildToolJob" -> DBT_JOB;
            default -> ITEM;
        };
    }
}
