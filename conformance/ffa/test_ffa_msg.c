/* SPDX-License-Identifier: MIT */
/*
 * FF-A messaging and notifications against the SPMC model (profile ffa-host):
 * DIRECT_REQ/RESP 32/64, DIRECT_REQ2/RESP2, FFA_RUN after INTERRUPT/YIELD, MSG_WAIT,
 * MSG_SEND2, and the notification ABI. sp1 echoes; sp2 is scripted
 * interrupt -> yield -> respond. Rules: DEN0077 v1.2 chapters 10, 14, 15 as quoted by the
 * FF-A ACS direct_messaging / indirect_messaging / notifications tests.
 */
#include "conformance/ffa/ffa_test.h"

static struct smcsim *msg_machine(void)
{
	struct smcsim *sim = t_machine("ffa-host", NULL);
	t_call(sim, FFA_VERSION_FID, FFA_V1_2);
	return sim;
}

/* ACS ffa_direct_message_32/64: the echo partition answers with the payload. */
static void direct_req_echo(void **state)
{
	struct smcsim *sim = msg_machine();
	struct smcsim_regs r = t_call(sim, FFA_MSG_SEND_DIRECT_REQ_FID, SP1, 0, 0x11, 0x22, 0x33,
				      0x44, 0x155555555ull);
	t_assert_reg(r, 0, FFA_MSG_SEND_DIRECT_RESP_FID, "RESP for REQ");
	t_assert_reg(r, 1, SP1 << 16 | 0, "src = partition, dst = caller");
	t_assert_reg(r, 2, 0, "w2 flags zero");
	t_assert_reg(r, 3, 0x11, "payload w3");
	t_assert_reg(r, 7, 0x55555555, "32-bit: W view of the payload");
	r = t_call(sim, FFA_MSG_SEND_DIRECT_REQ_64_FID, SP1, 0, 0x1234567890ull, 2, 3, 4, 5);
	t_assert_reg(r, 0, FFA_MSG_SEND_DIRECT_RESP_64_FID, "RESP_64 for REQ_64");
	t_assert_reg(r, 3, 0x1234567890ull, "64-bit payload");
	smcsim_destroy(sim);
}

/* Linux ffa_msg_send_direct_req: INTERRUPT / YIELD are resumed with FFA_RUN. */
static void direct_req_preempted(void **state)
{
	struct smcsim *sim = msg_machine();
	struct smcsim_regs r = t_call(sim, FFA_MSG_SEND_DIRECT_REQ_FID, SP2, 0, 7);
	t_assert_reg(r, 0, FFA_INTERRUPT_FID, "preempted by an interrupt");
	t_assert_reg(r, 1, SP2 << 16, "target info of the preempted context");
	t_assert_reg(r, 2, 5, "interrupt ID");
	r = t_call(sim, FFA_MSG_SEND_DIRECT_REQ_FID, SP2, 0, 8);
	t_assert_ffa_error(r, FFA_BUSY, "partition busy with a request");
	r = t_call_as(sim, "sp1", FFA_RUN_FID, SP2 << 16);
	t_assert_ffa_error(r, FFA_DENIED, "only the requester resumes it");
	r = t_call(sim, FFA_RUN_FID, SP2 << 16);
	t_assert_reg(r, 0, FFA_YIELD_FID, "then yields");
	r = t_call(sim, FFA_RUN_FID, SP2 << 16);
	t_assert_reg(r, 0, FFA_MSG_SEND_DIRECT_RESP_FID, "then responds");
	t_assert_reg(r, 3, 7, "with the first request's payload");
	r = t_call(sim, FFA_RUN_FID, SP2 << 16);
	t_assert_reg(r, 0, FFA_MSG_WAIT_FID, "idle partition goes back to waiting");
	smcsim_destroy(sim);
}

/* ACS ffa_direct_message_error / error1: bad IDs, flags, receivers. */
static void direct_req_errors(void **state)
{
	struct smcsim *sim = msg_machine();
	struct smcsim_regs r = t_call(sim, FFA_MSG_SEND_DIRECT_REQ_FID, 5u << 16 | SP1, 0);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS, "sender is not the caller");
	r = t_call(sim, FFA_MSG_SEND_DIRECT_REQ_FID, 0x8009, 0);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS, "unknown receiver");
	r = t_call(sim, FFA_MSG_SEND_DIRECT_REQ_FID, 0, 0);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS, "receiver is the caller");
	r = t_call(sim, FFA_MSG_SEND_DIRECT_REQ_FID, SP1, 1u << 31);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS, "framework message from the NWd");
	r = t_call(sim, FFA_MSG_SEND_DIRECT_REQ_64_FID, (uint64_t)1 << 32 | SP1, 0);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS, "w1[63:32] MBZ");
	r = t_call_as(sim, "sp2", FFA_MSG_SEND_DIRECT_REQ_FID, SP2 << 16 | SP1, 0);
	t_assert_ffa_error(r, FFA_DENIED, "sp2 may not send direct requests");
	r = t_call_as(sim, "sp1", FFA_MSG_SEND_DIRECT_REQ_FID, SP1 << 16 | SP2, 0, 9);
	t_assert_reg(r, 0, FFA_INTERRUPT_FID, "SP to SP request reaches sp2");
	r = t_call(sim, FFA_MSG_SEND_DIRECT_RESP_FID, SP1, 0);
	t_assert_ffa_error(r, FFA_DENIED, "no request outstanding for the caller");
	r = t_call(sim, FFA_RUN_FID, 0x8009u << 16);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS, "RUN unknown partition");
	r = t_call(sim, FFA_RUN_FID, SP2 << 16 | 1);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS, "RUN vCPU beyond the UP partition");
	r = t_call(sim, FFA_RUN_FID, SP1 << 16, 0, 0, 0, 0, 0, 0, 1);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS, "Hafnium v1.2: x8..x17 MBZ");
	smcsim_destroy(sim);
}

/* ACS ffa_direct_message2 (v1.2): UUID-addressed, 14 payload registers. */
static void direct_req2(void **state)
{
	struct smcsim *sim = msg_machine();
	struct smcsim_regs r =
		t_call(sim, FFA_MSG_SEND_DIRECT_REQ2_FID, SP1, t_uuid_half(SP1_UUID, 0),
		       t_uuid_half(SP1_UUID, 1), 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17);
	t_assert_reg(r, 0, FFA_MSG_SEND_DIRECT_RESP2_FID, "RESP2");
	t_assert_reg(r, 1, SP1 << 16, "src/dst");
	t_assert_reg(r, 2, 0, "x2 reserved");
	t_assert_reg(r, 4, 4, "payload x4");
	t_assert_reg(r, 17, 17, "payload x17");
	r = t_call(sim, FFA_MSG_SEND_DIRECT_REQ2_FID, SP1, 1, 2);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS, "UUID not the partition's");
	r = t_call(sim, FFA_MSG_SEND_DIRECT_REQ2_FID, SP2, 0, 0);
	t_assert_ffa_error(r, FFA_DENIED, "sp2 cannot receive REQ2 (properties bit 9)");
	smcsim_destroy(sim);
	sim = t_machine("ffa-host", NULL);
	t_call(sim, FFA_VERSION_FID, FFA_V1_1);
	r = t_call(sim, FFA_MSG_SEND_DIRECT_REQ2_FID, SP1, 0, 0);
	t_assert_ffa_error(r, FFA_NOT_SUPPORTED, "v1.1 caller");
	smcsim_destroy(sim);
}

/* ACS ffa_msg_send2: the message lands in the receiver's RX, which it then owns. */
static void msg_send2(void **state)
{
	struct smcsim *sim = msg_machine();
	struct smcsim_regs r = t_call(sim, FFA_MSG_SEND2_FID, 0, 0);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS, "no TX buffer");
	t_call(sim, FFA_RXTX_MAP_64_FID, HOST_TX, HOST_RX, 1);
	uint8_t m[64] = { 0 };
	t_wr(m + 8, 40, 4);   /* payload offset (v1.2 header) */
	t_wr(m + 12, SP1, 2); /* receiver */
	t_wr(m + 14, 0, 2);   /* sender */
	t_wr(m + 16, 8, 4);   /* size */
	memcpy(m + 40, "hello!!", 8);
	smcsim_mem_write(sim, HOST_TX, m, sizeof(m));
	r = t_call(sim, FFA_MSG_SEND2_FID, 0, 0);
	t_assert_ffa_ok(r, "send");
	uint8_t got[8];
	smcsim_mem_read(sim, 0x0e001000 + 40, got, 8);
	assert_memory_equal(got, "hello!!", 8);
	r = t_call(sim, FFA_MSG_SEND2_FID, 0, 0);
	t_assert_ffa_error(r, FFA_BUSY, "receiver RX full");
	t_assert_ffa_ok(t_call_as(sim, "sp1", FFA_RX_RELEASE_FID), "receiver releases");
	t_wr(m + 12, SP2, 2);
	smcsim_mem_write(sim, HOST_TX, m, sizeof(m));
	r = t_call(sim, FFA_MSG_SEND2_FID, 0, 0);
	t_assert_ffa_error(r, FFA_DENIED, "sp2 has no indirect messaging");
	t_wr(m + 12, SP1, 2);
	t_wr(m + 14, 3, 2);
	smcsim_mem_write(sim, HOST_TX, m, sizeof(m));
	r = t_call(sim, FFA_MSG_SEND2_FID, 0, 0);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS, "sender is not the caller");
	t_wr(m + 14, 0, 2);
	t_wr(m + 8, 8, 4);
	smcsim_mem_write(sim, HOST_TX, m, sizeof(m));
	r = t_call(sim, FFA_MSG_SEND2_FID, 0, 0);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS, "payload inside the header");
	r = t_call(sim, FFA_MSG_SEND2_FID, 1u << 16, 0);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS, "w1 sender VM ID MBZ");
	/* ACS ffa_msg_wait_rx_buff_rel: MSG_WAIT gives RX back unless told to keep it. */
	t_wr(m + 8, 40, 4);
	smcsim_mem_write(sim, HOST_TX, m, sizeof(m));
	t_assert_ffa_ok(t_call(sim, FFA_MSG_SEND2_FID, 0, 0), "again");
	r = t_call_as(sim, "sp1", FFA_MSG_WAIT_FID, 0, 1);
	t_assert_reg(r, 0, FFA_RUN_FID, "MSG_WAIT retaining RX");
	t_assert_ffa_error(t_call(sim, FFA_MSG_SEND2_FID, 0, 0), FFA_BUSY, "still owned");
	t_call_as(sim, "sp1", FFA_MSG_WAIT_FID, 0, 0);
	t_assert_ffa_ok(t_call(sim, FFA_MSG_SEND2_FID, 0, 0), "released by MSG_WAIT");
	r = t_call_as(sim, "sp1", FFA_MSG_WAIT_FID, 0, 2);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS, "MSG_WAIT flags [15:1] MBZ");
	r = t_call(sim, FFA_MSG_WAIT_FID);
	t_assert_ffa_error(r, FFA_NOT_SUPPORTED, "MSG_WAIT from the normal world");
	smcsim_destroy(sim);
}

/* ACS notifications: bitmap_create/destroy, bind, set, info_get, get, unbind. */
static void notifications(void **state)
{
	struct smcsim *sim = msg_machine();
	struct smcsim_regs r = t_call(sim, FFA_NOTIFICATION_BIND_FID, SP1 << 16, 0, 1, 0);
	t_assert_ffa_error(r, FFA_DENIED, "no bitmap yet");
	r = t_call(sim, FFA_NOTIFICATION_BITMAP_CREATE_FID, 1u << 16, 4);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS, "bits[31:16] MBZ");
	r = t_call(sim, FFA_NOTIFICATION_BITMAP_CREATE_FID, 0, 4);
	t_assert_ffa_ok(r, "create");
	r = t_call(sim, FFA_NOTIFICATION_BITMAP_CREATE_FID, 0, 4);
	t_assert_ffa_error(r, FFA_DENIED, "second create");
	r = t_call(sim, FFA_NOTIFICATION_BIND_FID, SP1 << 16, 0, 0x5, 0);
	t_assert_ffa_ok(r, "bind bits 0 and 2 to sp1");
	r = t_call(sim, FFA_NOTIFICATION_BIND_FID, SP2 << 16, 0, 0x4, 0);
	t_assert_ffa_error(r, FFA_DENIED, "bit 2 bound to another sender");
	r = t_call(sim, FFA_NOTIFICATION_BIND_FID, SP1 << 16, 2, 0x8, 0);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS, "flags beyond bit 0");
	r = t_call(sim, FFA_NOTIFICATION_INFO_GET_64_FID);
	t_assert_ffa_error(r, FFA_NO_DATA, "nothing pending");
	r = t_call_as(sim, "sp1", FFA_NOTIFICATION_SET_FID, SP1 << 16 | 0, 0, 0x2, 0);
	t_assert_ffa_error(r, FFA_DENIED, "bit 1 not bound to sp1");
	r = t_call_as(sim, "sp1", FFA_NOTIFICATION_SET_FID, SP1 << 16 | 0, 0, 0x4, 0);
	t_assert_ffa_ok(r, "sp1 signals bit 2");
	r = t_call(sim, FFA_NOTIFICATION_INFO_GET_64_FID);
	t_assert_reg(r, 0, FFA_SUCCESS_64_FID, "pending");
	t_assert_reg(r, 2, 1u << 7, "one list, no more pending");
	t_assert_reg(r, 3, 0, "the list names endpoint 0");
	r = t_call(sim, FFA_NOTIFICATION_INFO_GET_64_FID);
	t_assert_ffa_error(r, FFA_NO_DATA, "reported once");
	r = t_call(sim, FFA_NOTIFICATION_UNBIND_FID, SP1 << 16, 0, 0x4, 0);
	t_assert_ffa_error(r, FFA_DENIED, "pending bits cannot be unbound");
	r = t_call(sim, FFA_NOTIFICATION_BITMAP_DESTROY_FID, 0);
	t_assert_ffa_error(r, FFA_DENIED, "pending notifications");
	r = t_call(sim, FFA_NOTIFICATION_GET_FID, 0, 1);
	t_assert_ffa_ok(r, "get from SPs");
	t_assert_reg(r, 2, 0x4, "SP bitmap low");
	r = t_call(sim, FFA_NOTIFICATION_GET_FID, 0, 1);
	t_assert_reg(r, 2, 0, "cleared by the first get");
	r = t_call(sim, FFA_NOTIFICATION_GET_FID, 9u << 16, 1);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS, "vCPU beyond the bitmap's");
	t_assert_ffa_ok(t_call(sim, FFA_NOTIFICATION_UNBIND_FID, SP1 << 16, 0, 0x5, 0), "unbind");
	t_assert_ffa_ok(t_call(sim, FFA_NOTIFICATION_BITMAP_DESTROY_FID, 0), "destroy");
	r = t_call(sim, FFA_NOTIFICATION_BITMAP_DESTROY_FID, 0);
	t_assert_ffa_error(r, FFA_DENIED, "not created");
	r = t_call_as(sim, "sp1", FFA_NOTIFICATION_BITMAP_CREATE_FID, SP1, 1);
	t_assert_ffa_error(r, FFA_NOT_SUPPORTED, "partitions do not create VM bitmaps");
	smcsim_destroy(sim);
	sim = t_machine("ffa-host",
			"{\"layers\":{\"el3\":{\"services\":{\"ffa\":{\"version\":\"1.0\"}}}}}");
	r = t_call(sim, FFA_NOTIFICATION_BITMAP_CREATE_FID, 0, 4);
	t_assert_ffa_error(r, FFA_NOT_SUPPORTED, "v1.0 SPMC: no notifications");
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
