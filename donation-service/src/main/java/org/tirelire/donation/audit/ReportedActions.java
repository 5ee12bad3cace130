package org.tirelire.donation.audit;

import org.springframework.data.repository.CrudRepository;

/** The reports of actions that changed no document of their own, until their events have left. */
public interface ReportedActions extends CrudRepository<ReportedAction, String> {}
