from h import mk
R, q, u = mk("")
u("《济南市“十四五”节能减排工作实施方案》里全市单位GDP能耗要下降多少？")
u("What were the 24 incentive measures in the 2016 notice 国办发〔2016〕82号?", "english")
u("《中华人民共和国农业机械化促进法》第几条规定了农机购置补贴？")
