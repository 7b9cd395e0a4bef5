-- nhsa-gateway (issue 27): only what the protocol needs. Money stays in the three services.

-- msgid -> transaction: the same msgid with the same input answers the same output (a HIS retry after a
-- lost answer), with another input is refused; 2601 (冲正) finds here what a message did
create table journal (
    fixmedins_code varchar(32) not null,
    msgid varchar(64) not null,
    infno varchar(8) not null,
    input_sha256 varchar(64) not null,
    infcode integer,
    output text,
    err_msg text,
    -- what the message made in the suite, for 2601: a visit, fee lines, a settlement
    visit_id varchar(64),
    settlement_id bigint,
    line_nos text,
    received_at timestamptz not null,
    answered_at timestamptz,
    reversed_at timestamptz,
    primary key (fixmedins_code, msgid)
);

-- 9001 签到: a sign_no is valid for its calendar day (China's)
create table sign_in (
    sign_no varchar(30) primary key,
    fixmedins_code varchar(32) not null,
    opter_no varchar(64),
    sign_day date not null,
    signed_at timestamptz not null
);
