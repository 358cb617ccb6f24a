/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The state reason a backend's lifecycle event leaves a domain in, and the reasons' words. */
#pragma once

#include "libvirt-gobject/gvirt-backend.h"
#include "libvirt-gobject/gvirt-domain-state-reason.h"

G_BEGIN_DECLS

/*
 * The #GVirtDomainStateReason that an event of @kind with @reason (a
 * GVirtDomainStartedReason, ...StoppedReason ... as the kind says) leaves
 * the domain in: STARTED booted → booted, SUSPENDED paused → user, RESUMED
 * → unpaused, STOPPED destroyed → destroyed, CRASHED → panicked ... Kinds
 * that do not change the state (DEFINED, UPDATED, ...) give @current.
 */
GVirtDomainStateReason _gvirt_state_reason_for_event (GVirtDomainEventKind   kind,
                                                      gint                   reason,
                                                      GVirtDomainStateReason current);

/* The enumeration's nick ("booted", "save-canceled"), the word processes
 * that share a node (the qemu backend's state files, its monitor) write. */
const char            *_gvirt_state_reason_to_nick   (GVirtDomainStateReason reason);
/* The reason @nick names; UNKNOWN for %NULL or a word it does not know. */
GVirtDomainStateReason _gvirt_state_reason_from_nick (const char            *nick);

G_END_DECLS
