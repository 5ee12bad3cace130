package org.tirelire.campaign.campaign;

import java.util.ArrayList;
import java.util.List;
import org.tirelire.contracts.money.Money;

/** A total worth announcing: a quarter of the goal, the goal itself, or a stretch goal. */
public record Milestone(String label, Money threshold) {

    private static final int[] GOAL_PERCENTS = {25, 50, 75, 100};

    public static List<Milestone> of(Money goal, List<StretchGoal> stretchGoals) {
        List<Milestone> milestones = new ArrayList<>();
        for (int percent : GOAL_PERCENTS) {
            // Rounded up, so that "25 %" is announced only once a full quarter is raised.
            long threshold = -Math.floorDiv(-Math.multiplyExact(goal.amount(), percent), 100L);
            milestones.add(new Milestone(percent + "%", new Money(threshold, goal.currency())));
        }
        stretchGoals.forEach(stretch -> milestones.add(new Milestone(stretch.label(), stretch.amount())));
        return milestones;
    }

    /** Whether a label is one of the goal's own milestones ("25%" … "100%"), which a stretch goal may not borrow. */
    public static boolean isGoalPercentLabel(String label) {
        for (int percent : GOAL_PERCENTS) {
            if (label.strip().equals(percent + "%") || label.strip().equals(percent + " %")) {
                return true;
            }
        }
        return false;
    }
}
