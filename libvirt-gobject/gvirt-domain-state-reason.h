/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtDomainStateReason: why a domain is in its current state, as libvirt names it. */
#pragma once

#include <glib.h>
#include "libvirt-gobject/gvirt-visibility.h"

G_BEGIN_DECLS

/**
 * GVirtDomainStateReason:
 * @GVIRT_DOMAIN_STATE_REASON_UNKNOWN: not known, in any state: a domain
 *   defined but never started since the node's runtime directory was made, or
 *   a state no backend report explained
 * @GVIRT_DOMAIN_STATE_REASON_BOOTED: running: it booted normally
 * @GVIRT_DOMAIN_STATE_REASON_MIGRATED: running, or shut off: it migrated here,
 *   or away
 * @GVIRT_DOMAIN_STATE_REASON_RESTORED: running (or paused, when saved paused):
 *   it was restored from a saved state file
 * @GVIRT_DOMAIN_STATE_REASON_UNPAUSED: running: a client resumed it
 * @GVIRT_DOMAIN_STATE_REASON_SAVE_CANCELED: running: a save failed or was
 *   cancelled and the domain runs again
 * @GVIRT_DOMAIN_STATE_REASON_WAKEUP: running: woken up from power-management suspend
 * @GVIRT_DOMAIN_STATE_REASON_USER: paused: a client suspended it; in shutdown:
 *   a client asked the guest to power off
 * @GVIRT_DOMAIN_STATE_REASON_SAVING: paused: its state is being saved to a file
 * @GVIRT_DOMAIN_STATE_REASON_IOERROR: paused after a disk I/O error
 * @GVIRT_DOMAIN_STATE_REASON_WATCHDOG: paused by the watchdog
 * @GVIRT_DOMAIN_STATE_REASON_SHUTDOWN: shut off: the guest powered off
 * @GVIRT_DOMAIN_STATE_REASON_DESTROYED: shut off: a client destroyed it
 * @GVIRT_DOMAIN_STATE_REASON_CRASHED: shut off: the hypervisor process died
 *   unexpectedly (or the guest crashed and was not kept)
 * @GVIRT_DOMAIN_STATE_REASON_SAVED: shut off: its state was saved to a file
 * @GVIRT_DOMAIN_STATE_REASON_FAILED: shut off: the hypervisor failed to start
 *   or run it
 * @GVIRT_DOMAIN_STATE_REASON_PANICKED: crashed: the guest kernel panicked and
 *   the domain was kept for inspection
 *
 * Why a domain is in its #GVirtDomainState, the #GVirtDomain:state-reason
 * property. libvirt has one reason enumeration per state
 * (`virDomainRunningReason`, `virDomainPausedReason`, ...); GVirt has one
 * flat enumeration, each value documented with the states it applies to, and
 * the same words (`virsh domstate --reason` prints them, and so does
 * `gvirsh domstate --reason`).
 *
 * The reason is the node's, not the connection's: every connection to the
 * node, in any process, reads the same one, whoever caused the change.
 */
typedef enum {
  GVIRT_DOMAIN_STATE_REASON_UNKNOWN,
  GVIRT_DOMAIN_STATE_REASON_BOOTED,
  GVIRT_DOMAIN_STATE_REASON_MIGRATED,
  GVIRT_DOMAIN_STATE_REASON_RESTORED,
  GVIRT_DOMAIN_STATE_REASON_UNPAUSED,
  GVIRT_DOMAIN_STATE_REASON_SAVE_CANCELED,
  GVIRT_DOMAIN_STATE_REASON_WAKEUP,
  GVIRT_DOMAIN_STATE_REASON_USER,
  GVIRT_DOMAIN_STATE_REASON_SAVING,
  GVIRT_DOMAIN_STATE_REASON_IOERROR,
  GVIRT_DOMAIN_STATE_REASON_WATCHDOG,
  GVIRT_DOMAIN_STATE_REASON_SHUTDOWN,
  GVIRT_DOMAIN_STATE_REASON_DESTROYED,
  GVIRT_DOMAIN_STATE_REASON_CRASHED,
  GVIRT_DOMAIN_STATE_REASON_SAVED,
  GVIRT_DOMAIN_STATE_REASON_FAILED,
  GVIRT_DOMAIN_STATE_REASON_PANICKED,
} GVirtDomainStateReason;

G_END_DECLS
