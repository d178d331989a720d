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
    SETTINGS(Material2MZ.SETTINGS),

    // Stage timeline and step detail
    STEP_PENDING(Material2MZ.RADIO_BUTTON_UNCHECKED),
    STEP_RUNNING(Material2MZ.PLAY_CIRCLE_OUTLINE),
    STEP_SKIPPED(Material2MZ.SKIP_NEXT),
    STEP_CANCELLED(Material2AL.BLOCK),
    ROW_COLLAPSED(Material2AL.CHEVRON_RIGHT),
    ROW_EXPANDED(Material2AL.EXPAND_MORE),
    ZOOM_IN(Material2MZ.ZOOM_IN),
    ZOOM_OUT(Material2MZ.ZOOM_OUT),
    ZOOM_FIT(Material2MZ.ZOOM_OUT_MAP),
    FOLLOW_NOW(Material2MZ.MY_LOCATION),
    EXPAND_ALL(Material2MZ.UNFOLD_MORE),
    COLLAPSE_ALL(Material2MZ.UNFOLD_LESS),
    COPY_TEXT(Material2AL.CONTENT_COPY),
    OPEN_IN_PORTAL(Material2MZ.OPEN_IN_NEW),
    REUSED(Material2AL.LINK),
    // launch dialog
    PREVIEW(Material2MZ.VISIBILITY),
    SKIPPED(Material2MZ.REMOVE_CIRCLE_OUTLINE),
    // Monitoring page
    MONITORING(Material2MZ.TABLE_ROWS),
    FOLLOW(Material2MZ.VERTICAL_ALIGN_BOTTOM),
    FILTER(Material2AL.FILTER_LIST),
    SEARCH(Material2MZ.SEARCH),
    EXPORT(Material2MZ.SAVE_ALT),
    // Parameter matrix page
    PARAMETERS(Material2AL.GRID_ON),
    SAVE(Material2MZ.SAVE),
    DISCARD(Material2AL.CLEAR),
    ADD(Material2AL.ADD),
    // environment settings page
    ADD_ENVIRONMENT(Material2AL.ADD_CIRCLE_OUTLINE),
    RENAME(Material2AL.EDIT),
    REMOVE(Material2AL.DELETE_OUTLINE),
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
