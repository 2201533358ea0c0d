/* SPDX-License-Identifier: MIT */
/*
 * FF-A messaging and notifications against the SPMC model (profile ffa-host):
 * DIRECT_REQ/RESP 32/64, DIRECT_REQ2/RESP2, FFA_RUN after INTERRUPT/YIELD, MSG_WAIT,
 * MSG_SEND2, and the notification ABI. sp1 echoes; sp2 is scripted
 * interrupt -> yield -> respond. Each assertion cites DEN0077 (v1.0 section numbers as quoted
 * by the FF-A ACS testcase checklist, v1.1/v1.2 ones from the ACS scenario docs; the ACS
 * direct_messaging / indirect_messaging / notifications test in brackets) or the Hafnium /
 * Linux function whose behaviour the profile reproduces.
 */
#include "conformance/ffa/ffa_test.h"

static struct smcsim *msg_machine(void)
{
	struct smcsim *sim = t_machine("ffa-host", NULL);
	t_call(sim, FFA_VERSION_FID, FFA_V1_2);
	return sim;
}

/* DEN0077 v1.0 10.2, 10.3 (ACS ffa_direct_message_32/64): the echo partition answers with the
 * payload. */
static void direct_req_echo(void **state)
{
	struct smcsim *sim = msg_machine();
	struct smcsim_regs r = t_call(sim, FFA_MSG_SEND_DIRECT_REQ_FID, SP1, 0, 0x11, 0x22, 0x33,
				      0x44, 0x155555555ull);
	t_assert_reg(r, 0, FFA_MSG_SEND_DIRECT_RESP_FID,
		     "DEN0077 v1.0 10.2: DIRECT_REQ completes with DIRECT_RESP");
	t_assert_reg(r, 1, SP1 << 16 | 0, "DEN0077 v1.0 10.3: w1 src = partition, dst = caller");
	t_assert_reg(r, 2, 0, "DEN0077 v1.0 10.3: w2 flags zero for a partition message");
	t_assert_reg(r, 3, 0x11, "DEN0077 v1.0 10.3: payload w3");
	t_assert_reg(r, 7, 0x55555555,
		     "DEN0077 v1.0 10.2: SMC32 carries the W view of the payload");
	r = t_call(sim, FFA_MSG_SEND_DIRECT_REQ_64_FID, SP1, 0, 0x1234567890ull, 2, 3, 4, 5);
	t_assert_reg(r, 0, FFA_MSG_SEND_DIRECT_RESP_64_FID,
		     "DEN0077 v1.0 10.2: DIRECT_REQ_64 completes with DIRECT_RESP_64");
	t_assert_reg(r, 3, 0x1234567890ull, "DEN0077 v1.0 10.3: 64-bit payload");
	smcsim_destroy(sim);
}

/* DEN0077 v1.0 10.2, Linux driver.c ffa_msg_send_direct_req(): INTERRUPT / YIELD are resumed with
 * FFA_RUN. */
static void direct_req_preempted(void **state)
{
	struct smcsim *sim = msg_machine();
	struct smcsim_regs r = t_call(sim, FFA_MSG_SEND_DIRECT_REQ_FID, SP2, 0, 7);
	t_assert_reg(r, 0, FFA_INTERRUPT_FID,
		     "DEN0077 v1.0 10.2: request interrupted -> FFA_INTERRUPT");
	t_assert_reg(r, 1, SP2 << 16,
		     "DEN0077 v1.0 10.2: w1 = target info of the preempted context");
	t_assert_reg(r, 2, 5, "DEN0077 FFA_INTERRUPT: w2 = interrupt ID");
	r = t_call(sim, FFA_MSG_SEND_DIRECT_REQ_FID, SP2, 0, 8);
	t_assert_ffa_error(r, FFA_BUSY, "DEN0077 v1.0 10.2: target busy with a request -> BUSY");
	r = t_call_as(sim, "sp1", FFA_RUN_FID, SP2 << 16);
	t_assert_ffa_error(r, FFA_DENIED,
			   "DEN0077 v1.0 9.3 FFA_RUN: only the requester resumes it -> DENIED");
	r = t_call(sim, FFA_RUN_FID, SP2 << 16);
	t_assert_reg(r, 0, FFA_YIELD_FID, "DEN0077 v1.0 9.2: the partition yields (FFA_YIELD)");
	r = t_call(sim, FFA_RUN_FID, SP2 << 16);
	t_assert_reg(r, 0, FFA_MSG_SEND_DIRECT_RESP_FID,
		     "DEN0077 v1.0 9.3: FFA_RUN resumes it to DIRECT_RESP");
	t_assert_reg(r, 3, 7, "DEN0077 v1.0 10.3: with the first request's payload");
	r = t_call(sim, FFA_RUN_FID, SP2 << 16);
	t_assert_reg(r, 0, FFA_MSG_WAIT_FID,
		     "DEN0077 v1.0 9.1: an idle partition goes back to MSG_WAIT");
	smcsim_destroy(sim);
}

/* DEN0077 v1.0 10.2.1.2, 4.3.1 (ACS ffa_direct_message_error / error1): bad IDs, flags, receivers.
 */
static void direct_req_errors(void **state)
{
	struct smcsim *sim = msg_machine();
	struct smcsim_regs r = t_call(sim, FFA_MSG_SEND_DIRECT_REQ_FID, 5u << 16 | SP1, 0);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS,
			   "DEN0077 v1.0 10.2: sender ID is not the caller");
	r = t_call(sim, FFA_MSG_SEND_DIRECT_REQ_FID, 0x8009, 0);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS,
			   "DEN0077 v1.0 10.2: unknown receiver -> INVALID_PARAMETERS");
	r = t_call(sim, FFA_MSG_SEND_DIRECT_REQ_FID, 0, 0);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS, "DEN0077 v1.0 10.2: receiver is the caller");
	r = t_call(sim, FFA_MSG_SEND_DIRECT_REQ_FID, SP1, 1u << 31);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS,
			   "Hafnium api_ffa_msg_send_direct_req(): framework message from the NWd");
	r = t_call(sim, FFA_MSG_SEND_DIRECT_REQ_64_FID, (uint64_t)1 << 32 | SP1, 0);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS, "DEN0077 v1.0 10.2: w1[63:32] MBZ");
	r = t_call_as(sim, "sp2", FFA_MSG_SEND_DIRECT_REQ_FID, SP2 << 16 | SP1, 0);
	t_assert_ffa_error(r, FFA_DENIED,
			   "Hafnium api_ffa_msg_send_direct_req(): sp2 may not send direct "
			   "requests -> DENIED");
	r = t_call_as(sim, "sp1", FFA_MSG_SEND_DIRECT_REQ_FID, SP1 << 16 | SP2, 0, 9);
	t_assert_reg(r, 0, FFA_INTERRUPT_FID,
		     "DEN0077 v1.0 4.5.2: an SP to SP request reaches sp2");
	r = t_call(sim, FFA_MSG_SEND_DIRECT_RESP_FID, SP1, 0);
	t_assert_ffa_error(
		r, FFA_DENIED,
		"DEN0077 v1.0 10.3.1.2: DIRECT_RESP with no request outstanding -> DENIED");
	r = t_call(sim, FFA_RUN_FID, 0x8009u << 16);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS,
			   "DEN0077 v1.0 9.3: RUN of an unknown partition -> INVALID_PARAMETERS");
	r = t_call(sim, FFA_RUN_FID, SP2 << 16 | 1);
	t_assert_ffa_error(
		r, FFA_INVALID_PARAMETERS,
		"DEN0077 v1.0 9.3: RUN of a vCPU beyond the UP partition -> INVALID_PARAMETERS");
	r = t_call(sim, FFA_RUN_FID, SP1 << 16, 0, 0, 0, 0, 0, 0, 1);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS,
			   "Hafnium api_extended_args_are_zero() (v1.2): x8..x17 MBZ");
	smcsim_destroy(sim);
}

/* DEN0077 v1.2 15.4/15.5 (ACS ffa_direct_message2): UUID-addressed, 14 payload registers. */
static void direct_req2(void **state)
{
	struct smcsim *sim = msg_machine();
	struct smcsim_regs r =
		t_call(sim, FFA_MSG_SEND_DIRECT_REQ2_FID, SP1, t_uuid_half(SP1_UUID, 0),
		       t_uuid_half(SP1_UUID, 1), 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17);
	t_assert_reg(r, 0, FFA_MSG_SEND_DIRECT_RESP2_FID,
		     "DEN0077 v1.2 15.4: DIRECT_REQ2 completes with DIRECT_RESP2");
	t_assert_reg(r, 1, SP1 << 16, "DEN0077 v1.2 15.5: x1 src/dst");
	t_assert_reg(r, 2, 0, "DEN0077 v1.2 15.5: x2 reserved");
	t_assert_reg(r, 4, 4, "DEN0077 v1.2 15.5: payload x4");
	t_assert_reg(r, 17, 17, "DEN0077 v1.2 15.5: payload x17");
	r = t_call(sim, FFA_MSG_SEND_DIRECT_REQ2_FID, SP1, 1, 2);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS,
			   "DEN0077 v1.2 15.4: UUID not the partition's -> INVALID_PARAMETERS");
	r = t_call(sim, FFA_MSG_SEND_DIRECT_REQ2_FID, SP2, 0, 0);
	t_assert_ffa_error(
		r, FFA_DENIED,
		"DEN0077 v1.2 15.4: sp2 cannot receive REQ2 (properties bit 9) -> DENIED");
	smcsim_destroy(sim);
	sim = t_machine("ffa-host", NULL);
	t_call(sim, FFA_VERSION_FID, FFA_V1_1);
	r = t_call(sim, FFA_MSG_SEND_DIRECT_REQ2_FID, SP1, 0, 0);
	t_assert_ffa_error(r, FFA_NOT_SUPPORTED,
			   "DEN0077 v1.2 15.4: REQ2 from a v1.1 caller -> NOT_SUPPORTED");
	smcsim_destroy(sim);
}

/* DEN0077 v1.1 FFA_MSG_SEND2 (ACS ffa_msg_send2): the message lands in the receiver's RX, which it
 * then owns. */
static void msg_send2(void **state)
{
	struct smcsim *sim = msg_machine();
	struct smcsim_regs r = t_call(sim, FFA_MSG_SEND2_FID, 0, 0);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS,
			   "DEN0077 v1.1 FFA_MSG_SEND2: no TX buffer -> INVALID_PARAMETERS");
	t_call(sim, FFA_RXTX_MAP_64_FID, HOST_TX, HOST_RX, 1);
	uint8_t m[64] = { 0 };
	t_wr(m + 8, 40, 4);   /* payload offset (v1.2 header) */
	t_wr(m + 12, SP1, 2); /* receiver */
	t_wr(m + 14, 0, 2);   /* sender */
	t_wr(m + 16, 8, 4);   /* size */
	memcpy(m + 40, "hello!!", 8);
	smcsim_mem_write(sim, HOST_TX, m, sizeof(m));
	r = t_call(sim, FFA_MSG_SEND2_FID, 0, 0);
	t_assert_ffa_ok(r, "DEN0077 v1.1 FFA_MSG_SEND2: message sent");
	uint8_t got[8];
	smcsim_mem_read(sim, 0x0e001000 + 40, got, 8);
	assert_memory_equal(got, "hello!!", 8); /* DEN0077 v1.1 FFA_MSG_SEND2: in sp1's RX */
	r = t_call(sim, FFA_MSG_SEND2_FID, 0, 0);
	t_assert_ffa_error(r, FFA_BUSY, "DEN0077 v1.1 FFA_MSG_SEND2: receiver RX full -> BUSY");
	t_assert_ffa_ok(t_call_as(sim, "sp1", FFA_RX_RELEASE_FID),
			"DEN0077 v1.0 8.3: the receiver releases RX");
	t_wr(m + 12, SP2, 2);
	smcsim_mem_write(sim, HOST_TX, m, sizeof(m));
	r = t_call(sim, FFA_MSG_SEND2_FID, 0, 0);
	t_assert_ffa_error(r, FFA_DENIED,
			   "DEN0077 v1.0 4.4.1: sp2 has no indirect messaging -> DENIED");
	t_wr(m + 12, SP1, 2);
	t_wr(m + 14, 3, 2);
	smcsim_mem_write(sim, HOST_TX, m, sizeof(m));
	r = t_call(sim, FFA_MSG_SEND2_FID, 0, 0);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS,
			   "DEN0077 v1.1 FFA_MSG_SEND2: header sender is not the caller");
	t_wr(m + 14, 0, 2);
	t_wr(m + 8, 8, 4);
	smcsim_mem_write(sim, HOST_TX, m, sizeof(m));
	r = t_call(sim, FFA_MSG_SEND2_FID, 0, 0);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS,
			   "Hafnium api_ffa_msg_send2(): payload offset inside the header");
	r = t_call(sim, FFA_MSG_SEND2_FID, 1u << 16, 0);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS,
			   "DEN0077 v1.1 FFA_MSG_SEND2: w1 sender VM ID MBZ below a hypervisor");
	/* DEN0077 v1.2 14.1 (ACS ffa_msg_wait_rx_buff_rel): MSG_WAIT gives RX back unless told to
	 * keep it. */
	t_wr(m + 8, 40, 4);
	smcsim_mem_write(sim, HOST_TX, m, sizeof(m));
	t_assert_ffa_ok(t_call(sim, FFA_MSG_SEND2_FID, 0, 0), "setup: send again");
	r = t_call_as(sim, "sp1", FFA_MSG_WAIT_FID, 0, 1);
	t_assert_reg(r, 0, FFA_RUN_FID, "DEN0077 v1.2 14.1: MSG_WAIT with the retain-RX flag");
	t_assert_ffa_error(t_call(sim, FFA_MSG_SEND2_FID, 0, 0), FFA_BUSY,
			   "DEN0077 v1.2 14.1: RX retained, SEND2 -> BUSY");
	t_call_as(sim, "sp1", FFA_MSG_WAIT_FID, 0, 0);
	t_assert_ffa_ok(t_call(sim, FFA_MSG_SEND2_FID, 0, 0),
			"DEN0077 v1.2 14.1: MSG_WAIT without the flag releases RX");
	r = t_call_as(sim, "sp1", FFA_MSG_WAIT_FID, 0, 2);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS,
			   "DEN0077 v1.2 14.1: MSG_WAIT flags [15:1] MBZ");
	r = t_call(sim, FFA_MSG_WAIT_FID);
	t_assert_ffa_error(
		r, FFA_NOT_SUPPORTED,
		"DEN0077 v1.0 9.1: MSG_WAIT is an endpoint call, not the NS physical instance's");
	smcsim_destroy(sim);
}

/* DEN0077 v1.1 17.1-17.7 (ACS notification_*): bitmap_create/destroy, bind, set, info_get, get,
 * unbind. */
static void notifications(void **state)
{
	struct smcsim *sim = msg_machine();
	struct smcsim_regs r = t_call(sim, FFA_NOTIFICATION_BIND_FID, SP1 << 16, 0, 1, 0);
	t_assert_ffa_error(r, FFA_DENIED, "DEN0077 v1.1 17.3: BIND before BITMAP_CREATE -> DENIED");
	r = t_call(sim, FFA_NOTIFICATION_BITMAP_CREATE_FID, 1u << 16, 4);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS, "DEN0077 v1.1 17.1: w1 bits[31:16] MBZ");
	r = t_call(sim, FFA_NOTIFICATION_BITMAP_CREATE_FID, 0, 4);
	t_assert_ffa_ok(r, "DEN0077 v1.1 17.1: BITMAP_CREATE succeeds");
	r = t_call(sim, FFA_NOTIFICATION_BITMAP_CREATE_FID, 0, 4);
	t_assert_ffa_error(r, FFA_DENIED, "DEN0077 v1.1 17.1: second create -> DENIED");
	r = t_call(sim, FFA_NOTIFICATION_BIND_FID, SP1 << 16, 0, 0x5, 0);
	t_assert_ffa_ok(r, "DEN0077 v1.1 17.3: bind bits 0 and 2 to sp1");
	r = t_call(sim, FFA_NOTIFICATION_BIND_FID, SP2 << 16, 0, 0x4, 0);
	t_assert_ffa_error(r, FFA_DENIED,
			   "DEN0077 v1.1 17.3: bit 2 already bound to another sender -> DENIED");
	r = t_call(sim, FFA_NOTIFICATION_BIND_FID, SP1 << 16, 2, 0x8, 0);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS, "DEN0077 v1.1 17.3: flags beyond bit 0 MBZ");
	r = t_call(sim, FFA_NOTIFICATION_INFO_GET_64_FID);
	t_assert_ffa_error(r, FFA_NO_DATA,
			   "DEN0077 v1.1 17.7: INFO_GET with nothing pending -> NO_DATA");
	r = t_call_as(sim, "sp1", FFA_NOTIFICATION_SET_FID, SP1 << 16 | 0, 0, 0x2, 0);
	t_assert_ffa_error(r, FFA_DENIED,
			   "DEN0077 v1.1 17.5: SET of a bit not bound to the sender -> DENIED");
	r = t_call_as(sim, "sp1", FFA_NOTIFICATION_SET_FID, SP1 << 16 | 0, 0, 0x4, 0);
	t_assert_ffa_ok(r, "DEN0077 v1.1 17.5: sp1 signals bit 2");
	r = t_call(sim, FFA_NOTIFICATION_INFO_GET_64_FID);
	t_assert_reg(r, 0, FFA_SUCCESS_64_FID, "DEN0077 v1.1 17.7: INFO_GET_64 reports pending");
	t_assert_reg(r, 2, 1u << 7, "DEN0077 v1.1 17.7: x2 = one list, no more pending");
	t_assert_reg(r, 3, 0, "DEN0077 v1.1 17.7: the list names endpoint 0");
	r = t_call(sim, FFA_NOTIFICATION_INFO_GET_64_FID);
	t_assert_ffa_error(r, FFA_NO_DATA, "DEN0077 v1.1 17.7: reported once, then NO_DATA");
	r = t_call(sim, FFA_NOTIFICATION_UNBIND_FID, SP1 << 16, 0, 0x4, 0);
	t_assert_ffa_error(r, FFA_DENIED,
			   "DEN0077 v1.1 17.4: pending bits cannot be unbound -> DENIED");
	r = t_call(sim, FFA_NOTIFICATION_BITMAP_DESTROY_FID, 0);
	t_assert_ffa_error(r, FFA_DENIED,
			   "DEN0077 v1.1 17.2: DESTROY with pending notifications -> DENIED");
	r = t_call(sim, FFA_NOTIFICATION_GET_FID, 0, 1);
	t_assert_ffa_ok(r, "DEN0077 v1.1 17.6: GET with the SP flag");
	t_assert_reg(r, 2, 0x4, "DEN0077 v1.1 17.6: w2 = SP bitmap low");
	r = t_call(sim, FFA_NOTIFICATION_GET_FID, 0, 1);
	t_assert_reg(r, 2, 0, "DEN0077 v1.1 17.6: cleared by the first get");
	r = t_call(sim, FFA_NOTIFICATION_GET_FID, 9u << 16, 1);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS,
			   "DEN0077 v1.1 17.6: vCPU beyond the bitmap's -> INVALID_PARAMETERS");
	t_assert_ffa_ok(t_call(sim, FFA_NOTIFICATION_UNBIND_FID, SP1 << 16, 0, 0x5, 0),
			"DEN0077 v1.1 17.4: UNBIND succeeds");
	t_assert_ffa_ok(t_call(sim, FFA_NOTIFICATION_BITMAP_DESTROY_FID, 0),
			"DEN0077 v1.1 17.2: BITMAP_DESTROY succeeds");
	r = t_call(sim, FFA_NOTIFICATION_BITMAP_DESTROY_FID, 0);
	t_assert_ffa_error(r, FFA_DENIED, "DEN0077 v1.1 17.2: DESTROY without a bitmap -> DENIED");
	r = t_call_as(sim, "sp1", FFA_NOTIFICATION_BITMAP_CREATE_FID, SP1, 1);
	t_assert_ffa_error(
		r, FFA_NOT_SUPPORTED,
		"DEN0077 v1.1 17.1: partitions do not create VM bitmaps -> NOT_SUPPORTED");
	smcsim_destroy(sim);
	sim = t_machine("ffa-host",
			"{\"layers\":{\"el3\":{\"services\":{\"ffa\":{\"version\":\"1.0\"}}}}}");
	r = t_call(sim, FFA_NOTIFICATION_BITMAP_CREATE_FID, 0, 4);
	t_assert_ffa_error(r, FFA_NOT_SUPPORTED,
			   "DEN0077 v1.1 9.7: a v1.0 SPMC has no notifications -> NOT_SUPPORTED");
	smcsim_destroy(sim);
}

int main(void)
{
	const struct CMUnitTest direct[] = {
		cmocka_unit_test(direct_req_echo),
		cmocka_unit_test(direct_req_preempted),
		cmocka_unit_test(direct_req_errors),
		cmocka_unit_test(direct_req2),
	};
	const struct CMUnitTest indirect[] = { cmocka_unit_test(msg_send2) };
	const struct CMUnitTest notif[] = { cmocka_unit_test(notifications) };
	int f = 0;
	f += cmocka_run_group_tests_name("FFA_MSG_SEND_DIRECT_REQ(2)", direct, NULL, NULL);
	f += cmocka_run_group_tests_name("FFA_MSG_SEND2", indirect, NULL, NULL);
	f += cmocka_run_group_tests_name("FFA_NOTIFICATION_*", notif, NULL, NULL);
	return f ? 1 : 0;
}
