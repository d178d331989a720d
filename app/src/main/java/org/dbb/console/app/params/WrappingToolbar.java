package org.dbb.console.app.params;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * A toolbar that lays its items out left to right and starts a new row with the first item that no longer fits
 * even at its minimum width, so it asks its parent for no more than its widest item instead of all items side by
 * side. Items in a row get their preferred widths as far as the row allows, left to right; items marked with
 * {@link #fillRow(Node)} share the room left over. Create and use on the FX thread.
 */
final class WrappingToolbar extends Pane {

    private final double hgap;
    private final double vgap;
    private final Set<Node> fillers = new HashSet<>();

    WrappingToolbar(double hgap, double vgap) {
        this.hgap = hgap;
        this.vgap = vgap;
    }

    /** Lets {@code item} grow into the room its row leaves, as a text field in a toolbar usually does. */
    void fillRow(Node item) {
        fillers.add(item);
        requestLayout();
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computeMinWidth(double height) {
        double widest = 0;
        for (Node item : items()) {
            widest = Math.max(widest, item.minWidth(-1));
        }
        return horizontalInsets() + widest;
    }

    @Override
    protected double computePrefWidth(double height) {
        List<Node> items = items();
        double sum = Math.max(0, items.size() - 1) * hgap;
        for (Node item : items) {
            sum += item.prefWidth(-1);
        }
        return horizontalInsets() + sum;
    }

    @Override
    protected double computeMinHeight(double width) {
        // The rows need their height whatever the parent offers, or the second row would be cut off.
        return computePrefHeight(width);
    }

    @Override
    protected double computePrefHeight(double width) {
        double inner = width < 0 ? computePrefWidth(-1) - horizontalInsets() : width - horizontalInsets();
        double height = 0;
        List<Row> rows = rows(inner);
        for (Row row : rows) {
            height += row.height();
        }
        Insets insets = getInsets();
        return insets.getTop() + height + Math.max(0, rows.size() - 1) * vgap + insets.getBottom();
    }

    @Override
    protected void layoutChildren() {
        Insets insets = getInsets();
        double inner = getWidth() - horizontalInsets();
        double y = insets.getTop();
        for (Row row : rows(inner)) {
            double x = insets.getLeft();
            for (int i = 0; i < row.items().size(); i++) {
                Node item = row.items().get(i);
                double width = row.widths().get(i);
                double height = Math.min(item.prefHeight(width), row.height());
                item.resizeRelocate(snapPositionX(x), snapPositionY(y + (row.height() - height) / 2),
                        snapSizeX(width), snapSizeY(height));
                x += width + hgap;
            }
            y += row.height() + vgap;
        }
    }

    /** One line of items with the widths they get there and the line's height. */
    private record Row(List<Node> items, List<Double> widths, double height) {
    }

    /** Items go on a line while their minimum widths fit, so a text field gives up room before a row is added. */
    private List<Row> rows(double inner) {
        List<Row> rows = new ArrayList<>();
        List<Node> line = new ArrayList<>();
        double used = 0;
        for (Node item : items()) {
            double width = item.minWidth(-1);
            if (!line.isEmpty() && used + hgap + width > inner) {
                rows.add(row(line, inner));
                line = new ArrayList<>();
                used = 0;
            }
            used += (line.isEmpty() ? 0 : hgap) + width;
            line.add(item);
        }
        if (!line.isEmpty()) {
            rows.add(row(line, inner));
        }
        return rows;
    }

    /** The line's widths: minimum ones, the others raised to their preferred ones in turn, the rest to fillers. */
    private Row row(List<Node> line, double inner) {
        List<Double> widths = new ArrayList<>();
        double spare = inner - Math.max(0, line.size() - 1) * hgap;
        int growing = 0;
        for (Node item : line) {
            widths.add(item.minWidth(-1));
            spare -= item.minWidth(-1);
            growing += fillers.contains(item) ? 1 : 0;
        }
        for (int i = 0; i < line.size() && spare > 0; i++) {
            if (!fillers.contains(line.get(i))) {
                double raise = Math.max(0, Math.min(spare, line.get(i).prefWidth(-1) - widths.get(i)));
                widths.set(i, widths.get(i) + raise);
                spare -= raise;
            }
        }
        for (int i = 0; i < line.size() && spare > 0; i++) {
            Node item = line.get(i);
            if (fillers.contains(item)) {
                widths.set(i, Math.min(item.maxWidth(-1), widths.get(i) + spare / growing));
            }
        }
        double height = 0;
        for (int i = 0; i < line.size(); i++) {
            height = Math.max(height, line.get(i).prefHeight(widths.get(i)));
        }
        return new Row(List.copyOf(line), List.copyOf(widths), height);
    }

    private List<Node> items() {
        return getManagedChildren();
    }

    private double horizontalInsets() {
        Insets insets = getInsets();
        return insets.getLeft() + insets.getRight();
    }
}
